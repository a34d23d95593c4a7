//! Building blocks shared by the pages, each with its scoped CSS beside it.

pub mod account_state;
pub mod app_failure;
pub mod app_header;
pub mod app_labels;
pub mod app_table;
pub mod assigned_items;
pub mod assignment_text;
pub mod collect_data;
pub mod data_table;
pub mod device_labels;
pub mod enrollment_summary;
pub mod fact_list;
pub mod failing_settings;
pub mod findings;
pub mod labels;
pub mod language_switch;
pub mod operator_menu;
pub mod route_link;
pub mod section_error;
pub mod section_view;
pub mod shortcuts;
pub mod user_status;
pub mod user_tab;
