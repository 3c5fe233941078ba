//! End-to-end support: a static server for dist/ on 127.0.0.1 and a WebDriver session per test
//! in the engine named by `VG_BROWSER` (chromium, firefox or webkit), every process stopped by PID.

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The policy the lesson is served with (as by scripts/serve.py): no inline script or style, no
/// other origin, wasm compiled from 'self' only.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

/// Loaded before the lesson's own scripts in every test page: records errors and console.error.
const ERROR_RECORDER: &str = r#"
window.__errors = [];
window.__csp = [];
addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.effectiveDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + (e.lineNumber || 0)));
addEventListener('error', (e) => window.__errors.push('error: ' + (e.message || e.type)));
addEventListener('unhandledrejection', (e) => window.__errors.push('rejection: ' + String(e.reason)));
const originalError = console.error.bind(console);
console.error = (...args) => { window.__errors.push('console.error: ' + args.join(' ')); originalError(...args); };
// For scripts/bench.sh: when the lesson became interactive (html[data-wasm] set), in ms from navigation start.
new MutationObserver((_, observer) => {
  if (document.documentElement.dataset.wasm) { window.__interactiveAt = performance.now(); observer.disconnect(); }
}).observe(document.documentElement, { attributes: true, attributeFilter: ['data-wasm'] });
"#;

/// A 360 × 800 px frame for the lesson: a phone's viewport, narrower than desktop browsers allow
/// their windows to be. Tests set the frame's `src`.
const PHONE_FRAME: &str = r#"<!doctype html><html lang="en"><title>phone</title>
<iframe id="phone" title="lesson at 360 px" width="360" height="800" src="about:blank"></iframe></html>"#;

/// `/__test__/panic.js`: calls the wasm's one test-only export, which panics, from a task.
const FORCE_PANIC: &str = "import { diagnosticsPanic } from '/pkg/vanishing_gradients.js';\nsetTimeout(() => diagnosticsPanic(), 0);\n";

/// The base URL of dist/ served on 127.0.0.1 (one server per test process).
pub fn site() -> &'static str {
    static SITE: OnceLock<String> = OnceLock::new();
    SITE.get_or_init(|| {
        // VG_DIST: serve a snapshot of dist/ elsewhere (so a rebuild meanwhile cannot disturb a run).
        let root = std::env::var_os("VG_DIST").map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"), PathBuf::from);
        assert!(root.join("index.html").exists(), "dist/ is not built: run scripts/build.sh first");
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
        let address = listener.local_addr().expect("bound address");
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = root.clone();
                std::thread::spawn(move || serve(stream, &root));
            }
        });
        format!("http://{address}")
    })
}

/// Reads one HTTP request from `stream` and returns its path without query or fragment.
pub fn request_path(stream: &TcpStream) -> Option<String> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line).ok()?;
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    Some(path.split(['?', '#']).next().unwrap_or("/").to_owned())
}

fn serve(mut stream: TcpStream, root: &Path) {
    let Some(path) = request_path(&stream) else { return };
    let path = path.as_str();
    // Test-only prefixes (used by tests/e2e_robust.rs): /__nowasm__/… serves the site with every
    // .wasm missing (404); /__nojs__/… serves it with a policy that forbids every script.
    let (path, no_wasm, no_script) = match (path.strip_prefix("/__nowasm__"), path.strip_prefix("/__nojs__")) {
        (Some(rest), _) => (rest, true, false),
        (_, Some(rest)) => (rest, false, true),
        _ => (path, false, false),
    };
    let (status, kind, body) = if path == "/__test__/errors.js" {
        ("200 OK", "text/javascript", ERROR_RECORDER.as_bytes().to_vec())
    } else if path == "/__test__/phone.html" {
        ("200 OK", "text/html; charset=utf-8", PHONE_FRAME.as_bytes().to_vec())
    } else if path == "/__test__/axe.js" {
        let axe = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
        match std::fs::read(axe) {
            Ok(bytes) => ("200 OK", "text/javascript", bytes),
            Err(_) => ("404 Not Found", "text/plain", b"axe-core is not installed: run npm ci".to_vec()),
        }
    } else if path == "/__test__/panic.js" {
        // A module in the page's own realm that makes the lesson's wasm panic (tests/e2e_robust.rs).
        ("200 OK", "text/javascript", FORCE_PANIC.as_bytes().to_vec())
    } else if no_wasm && path.ends_with(".wasm") {
        ("404 Not Found", "text/plain", b"not found".to_vec())
    } else {
        let relative = if path.ends_with('/') { format!("{path}index.html") } else { path.to_owned() };
        let file: PathBuf = root.join(relative.trim_start_matches('/'));
        match (file.components().any(|c| c.as_os_str() == ".."), std::fs::read(&file)) {
            (false, Ok(mut bytes)) => {
                if file.file_name().is_some_and(|n| n == "index.html") {
                    let text = String::from_utf8_lossy(&bytes).replacen(
                        "<head>",
                        "<head><script src=\"/__test__/errors.js\"></script>",
                        1,
                    );
                    bytes = text.into_bytes();
                }
                ("200 OK", content_type(&file), bytes)
            }
            _ => ("404 Not Found", "text/plain", b"not found".to_vec()),
        }
    };
    let policy = format!("Content-Security-Policy: {}\r\n", if no_script { "script-src 'none'" } else { CSP });
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n{policy}Connection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("css") => "text/css",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

/// The engine under test, from `VG_BROWSER`.
pub fn engine() -> String {
    std::env::var("VG_BROWSER").unwrap_or_else(|_| "chromium".to_owned())
}

/// A WebDriver session with its driver process; `close` ends both.
pub struct Browser {
    pub client: Client,
    driver: Child,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port")
}

fn wait_for_port(port: u16, within: Duration) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < within, "the WebDriver server did not listen on {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Session options for [`Browser::start_with`].
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// `false` turns JavaScript off in the browser's settings (Chromium and Firefox; WebKitGTK's
    /// driver has no such setting: pair it with a `/__nojs__/` page, which forbids every script).
    pub javascript: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { javascript: true }
    }
}

impl Browser {
    /// Starts the driver for [`engine`] and opens a session (timing out rather than hanging).
    pub async fn start() -> Browser {
        Browser::start_with(Options::default()).await
    }

    /// [`Browser::start`] with [`Options`].
    pub async fn start_with(options: Options) -> Browser {
        let engine = engine();
        let (program, args, mut capabilities): (String, Vec<String>, Value) = match engine.as_str() {
            "chromium" => (
                std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()),
                vec!["--port={port}".into()],
                json!({"browserName": "chrome", "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--window-size=1280,800"]}}),
            ),
            "firefox" => (
                std::env::var("GECKODRIVER").unwrap_or_else(|_| "geckodriver".into()),
                vec!["--port".into(), "{port}".into()],
                json!({"browserName": "firefox", "moz:firefoxOptions": {
                    "binary": "/usr/bin/firefox-esr", "args": ["-headless", "-width=1280", "-height=800"]}}),
            ),
            "webkit" => (
                std::env::var("WEBKITDRIVER").unwrap_or_else(|_| "/usr/bin/WebKitWebDriver".into()),
                vec!["--port={port}".into()],
                json!({}),
            ),
            other => panic!("VG_BROWSER must be chromium, firefox or webkit, not {other:?}"),
        };
        if !options.javascript {
            match engine.as_str() {
                "chromium" => capabilities["goog:chromeOptions"]["prefs"] =
                    json!({"profile.managed_default_content_settings.javascript": 2}),
                "firefox" => capabilities["moz:firefoxOptions"]["prefs"] = json!({"javascript.enabled": false}),
                _ => {}
            }
        }
        let capabilities = capabilities.as_object().cloned().unwrap_or_default();
        // A driver that hangs while creating a session (seen now and then with WebKitGTK) is
        // stopped and started afresh, up to three times, on a new port each time.
        let mut last_problem = String::new();
        for _attempt in 0..3 {
            let port = free_port();
            let args: Vec<String> = args.iter().map(|a| a.replace("{port}", &port.to_string())).collect();
            let driver = Command::new(&program)
                .args(&args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {program}: {e}"));
            let mut driver = DriverGuard(Some(driver));
            wait_for_port(port, Duration::from_secs(20));
            let connect = async {
                let mut builder = ClientBuilder::rustls().expect("TLS setup");
                builder.capabilities(capabilities.clone());
                builder.connect(&format!("http://127.0.0.1:{port}")).await
            };
            match tokio::time::timeout(Duration::from_secs(45), connect).await {
                Ok(Ok(client)) => {
                    if engine != "webkit" {
                        let _ = client.set_window_size(1280, 800).await;
                    }
                    return Browser { client, driver: driver.0.take().expect("driver") };
                }
                Ok(Err(e)) => last_problem = format!("failed: {e}"),
                Err(_) => last_problem = "timed out".to_owned(),
            }
        }
        panic!("{engine}: creating a WebDriver session {last_problem} (three attempts)");
    }

    /// Opens `path` (relative to the site, e.g. `index.html#/visuals`).
    pub async fn open(&self, path: &str) {
        self.client.goto(&format!("{}/{path}", site())).await.expect("navigation");
    }

    /// Runs a script (with `arguments`) and returns its value.
    pub async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Polls `script` until it returns true, or fails with `what` after `seconds`.
    pub async fn wait_until(&self, script: &str, what: &str, seconds: u64) {
        let start = Instant::now();
        loop {
            if self.js(script).await == Value::Bool(true) {
                return;
            }
            assert!(start.elapsed() < Duration::from_secs(seconds), "{}: timed out waiting for {what}", engine());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Errors the page recorded (uncaught errors, rejections, console.error).
    pub async fn page_errors(&self) -> Vec<String> {
        match self.js("return window.__errors || ['the error recorder did not load'];").await {
            Value::Array(items) => items.into_iter().map(|v| v.as_str().unwrap_or("?").to_owned()).collect(),
            other => vec![format!("unexpected {other}")],
        }
    }

    /// Ends the session and stops the driver.
    pub async fn close(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(20), self.client.clone().close()).await;
        stop(&mut self.driver);
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        stop(&mut self.driver);
    }
}

struct DriverGuard(Option<Child>);
impl Drop for DriverGuard {
    fn drop(&mut self) {
        if let Some(child) = self.0.as_mut() {
            stop(child);
        }
    }
}

fn stop(child: &mut Child) {
    if let Ok(None) = child.try_wait() {
        let _ = child.kill();
    }
    let _ = child.wait();
}

