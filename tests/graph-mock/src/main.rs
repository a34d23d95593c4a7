use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use graph_mock::faults::{Fault, FaultPlan};
use graph_mock::generate::{demo_tenant, DemoSize};
use graph_mock::identity::Lifetimes;
use graph_mock::server::{app, MockConfig, MockState};
use graph_mock::tenant::Tenant;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Stand-in for Microsoft Graph (Intune) serving a demo tenant or a fixture.
#[derive(Parser, Debug)]
#[command(version)]
struct Args {
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// 0 picks a free port; the address is printed on start.
    #[arg(long, default_value_t = 8081)]
    port: u16,
    /// Base of the URLs in `@odata.nextLink` (default: http://HOST:PORT).
    #[arg(long)]
    public_url: Option<String>,
    /// Serve this tenant fixture (JSON, schema in README.md) instead of the generated demo tenant.
    #[arg(long)]
    tenant: Option<PathBuf>,
    /// Write the tenant being served to this file and go on (a starting point for fixtures).
    #[arg(long)]
    write_tenant: Option<PathBuf>,
    /// Seed of the generated demo tenant.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Generated users beside the personas.
    #[arg(long, default_value_t = 200)]
    users: usize,
    /// Lee Gu's transitive groups.
    #[arg(long, default_value_t = 1500)]
    large_groups: usize,
    /// Lee Gu's devices.
    #[arg(long, default_value_t = 150)]
    large_devices: usize,
    /// Lee Gu's enrollment failures.
    #[arg(long, default_value_t = 5000)]
    large_failures: usize,
    /// Generated timestamps count back from this instant (RFC 3339; default: now).
    #[arg(long)]
    now: Option<String>,
    /// The tenant's account state: pending, active, warning, disabled, deleted, blocked, lockedOut.
    #[arg(long)]
    subscription_state: Option<String>,
    /// Accept Graph calls without a bearer token (tests of the Graph contract alone).
    #[arg(long)]
    no_auth: bool,
    /// The app registration's client id accepted by sign-in.
    #[arg(long, default_value = graph_mock::server::DEMO_CLIENT_ID)]
    client_id: String,
    /// A registered redirect URI (repeatable); without any, the demo's loopback addresses.
    #[arg(long)]
    redirect_uri: Vec<String>,
    /// Lifetime of access tokens, in seconds.
    #[arg(long, default_value_t = 3600)]
    token_lifetime_secs: u64,
    /// Latency added to every Graph call, in milliseconds.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Share of Graph calls (0 to 1) answered with one of --fault-kinds.
    #[arg(long, default_value_t = 0.0)]
    fault_rate: f64,
    /// Faults drawn by --fault-rate: 429[;retry-after=N], 500, 503, 504, malformed, drop, stall[;ms=N].
    #[arg(long, value_delimiter = ',', default_value = "429,500,503,504")]
    fault_kinds: Vec<String>,
    /// At most this many --fault-rate faults in a row on one path, then it is answered.
    #[arg(long)]
    fault_streak_limit: Option<u32>,
    /// The tenant has no Entra ID P1/P2: Graph refuses its sign-in logs.
    #[arg(long)]
    no_premium: bool,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let mut tenant = match &args.tenant {
        Some(path) => Tenant::from_json(&std::fs::read_to_string(path)?)
            .map_err(|error| format!("{}: not a tenant fixture: {error}", path.display()))?,
        None => {
            let now = match &args.now {
                Some(text) => OffsetDateTime::parse(text, &Rfc3339)?,
                None => OffsetDateTime::now_utc(),
            };
            let size = DemoSize {
                users: args.users,
                large_groups: args.large_groups,
                large_devices: args.large_devices,
                large_failures: args.large_failures,
            };
            demo_tenant(args.seed, &size, now)
        }
    };
    if let Some(state) = &args.subscription_state {
        tenant.subscription_state = state.clone();
    }
    if args.no_premium {
        tenant.premium = false;
    }
    if let Some(path) = &args.write_tenant {
        std::fs::write(path, serde_json::to_string_pretty(&tenant)?)?;
    }
    let kinds = args.fault_kinds.iter().map(|kind| kind.parse::<Fault>()).collect::<Result<Vec<_>, _>>()?;
    let address: SocketAddr = format!("{}:{}", args.host, args.port).parse()?;
    let listener = tokio::net::TcpListener::bind(address).await?;
    let bound = listener.local_addr()?;
    let public_url = args.public_url.clone().unwrap_or_else(|| format!("http://{bound}"));
    let mut config = MockConfig {
        require_auth: !args.no_auth,
        latency: Duration::from_millis(args.latency_ms),
        client_id: args.client_id.clone(),
        lifetimes: Lifetimes { access: Duration::from_secs(args.token_lifetime_secs), ..Lifetimes::default() },
        ..MockConfig::new(&public_url)
    };
    if !args.redirect_uri.is_empty() {
        config.redirect_uris = args.redirect_uri.clone();
    }
    let state = MockState::new(
        tenant,
        config,
        FaultPlan::new(args.fault_rate, kinds, args.seed).with_streak_limit(args.fault_streak_limit),
    );
    eprintln!("graph-mock: serving Graph on http://{bound} ({} users)", state.user_count());
    axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
