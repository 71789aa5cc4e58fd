//! What `hookcheck receive` and `hookcheck relay` share as local HTTP servers: a listener on
//! 127.0.0.1 only, the accept loop, hyper's HTTP/1.1 connection with its limits, the stop
//! signal, the Host check ([`host`]), the origins they let in ([`origin`]) and plain replies.

pub mod host;
pub mod origin;

use std::convert::Infallible;
use std::future::Future;
use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::http::request::Parts;
use hyper::server::conn::http1;
use hyper::service::{service_fn, HttpService};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use serde::Serialize;
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::runtime::Runtime;

/// Most header fields in one request; more are answered `431` (hyper's own default).
pub const MAX_HEADERS: usize = 100;

/// A connection that has not sent a whole request head within this time is closed, so idle
/// or half-sent connections cannot pile up.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Connections the kernel may queue before they are accepted: room for a burst of calls.
const LISTEN_BACKLOG: u32 = 1024;

/// A reply with its whole body in memory.
pub type Reply = Response<Full<Bytes>>;

/// The runtime and the listener of `hookcheck NAME` (`receive` or `relay`): a current-thread
/// runtime, and a listener on 127.0.0.1:`port`, loopback only, so that nothing on the
/// network can reach it. When either fails it says so (`hookcheck NAME: cannot start: …`,
/// `… cannot listen on http://127.0.0.1:PORT/: …`) and gives the exit code, 2.
pub fn start(name: &str, port: u16) -> Result<(Runtime, TcpListener), ExitCode> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| {
            eprintln!("hookcheck {name}: cannot start: {error}");
            ExitCode::from(2)
        })?;
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let listener = runtime
        .block_on(async { listen(address) })
        .map_err(|error| {
            eprintln!("hookcheck {name}: cannot listen on http://{address}/: {error}");
            ExitCode::from(2)
        })?;
    Ok((runtime, listener))
}

/// Listens on `address` (a loopback one: callers pass 127.0.0.1).
pub fn listen(address: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = TcpSocket::new_v4()?;
    // As std's bind does on Unix: a restart may take the port over from closing connections.
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(address)?;
    socket.listen(LISTEN_BACKLOG)
}

/// Serves one connection with hyper's HTTP/1.1, within [`MAX_HEADERS`] and
/// [`HEADER_READ_TIMEOUT`].
async fn serve_connection<S>(stream: TcpStream, service: S)
where
    S: HttpService<Incoming, ResBody = Full<Bytes>>,
    S::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    // A client that goes away mid-request is not the server's problem: ignore the error.
    let _ = http1::Builder::new()
        .timer(TokioTimer::new())
        .max_headers(MAX_HEADERS)
        .header_read_timeout(HEADER_READ_TIMEOUT)
        .serve_connection(TokioIo::new(stream), service)
        .await;
}

/// Accepts connections on `listener` and serves each request with `answer`, until `stop`
/// receives a signal. `name` prefixes the line an accept error prints.
pub async fn accept_until_stopped<T, F, Fut>(
    listener: TcpListener,
    name: &str,
    stop: &mut StopSignal,
    server: Arc<T>,
    answer: F,
) where
    T: Send + Sync + 'static,
    F: Fn(Arc<T>, Request<Incoming>) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Reply> + Send + 'static,
{
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let server = Arc::clone(&server);
                    let service = service_fn(move |request| {
                        let reply = answer(Arc::clone(&server), request);
                        async move { Ok::<_, Infallible>(reply.await) }
                    });
                    tokio::spawn(serve_connection(stream, service));
                }
                Err(error) => {
                    // Usually running out of file descriptors: say so, and let some close.
                    eprintln!("hookcheck {name}: accept failed: {error}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
            () = stop.received() => return,
        }
    }
}

/// Ctrl-C, and on Unix also SIGTERM.
pub struct StopSignal {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl StopSignal {
    /// Installs the handlers: call it before printing the first line, since whoever reads
    /// that line may send SIGINT at once, and it must not meet the default handler.
    pub fn install() -> std::io::Result<Self> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            Ok(Self {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(not(unix))]
        Ok(Self {})
    }

    /// Waits for the signal.
    pub async fn received(&mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = self.interrupt.recv() => {}
            _ = self.terminate.recv() => {}
        }
        #[cfg(not(unix))]
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// Why a request body was not read.
#[derive(Debug, PartialEq, Eq)]
pub enum BodyError {
    /// Longer than the limit, by its `Content-Length` or as it was read.
    TooLarge,
    /// The connection broke off mid-body.
    Broken,
}

/// Reads a request body of at most `limit` bytes: one declared longer is refused before a
/// byte of it is read, and a chunked one as soon as it passes the limit.
pub async fn read_body(parts: &Parts, body: Incoming, limit: usize) -> Result<Bytes, BodyError> {
    let declared = parts
        .headers
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(BodyError::TooLarge);
    }
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) if error.downcast_ref::<LengthLimitError>().is_some() => {
            Err(BodyError::TooLarge)
        }
        Err(_) => Err(BodyError::Broken),
    }
}

/// A reply with no body.
pub fn empty_reply(status: StatusCode) -> Reply {
    let mut reply = Response::new(Full::new(Bytes::new()));
    *reply.status_mut() = status;
    reply
}

/// A `text/plain` reply.
pub fn text_reply(status: StatusCode, text: &str) -> Reply {
    let mut reply = Response::new(Full::new(Bytes::from(text.to_owned())));
    *reply.status_mut() = status;
    reply.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    reply
}

/// An `application/json` reply, ending with a newline.
pub fn json_reply(status: StatusCode, value: impl Serialize) -> Reply {
    // Serializing our own plain structs cannot fail; an empty body would be the symptom.
    let mut text = serde_json::to_vec(&value).unwrap_or_default();
    text.push(b'\n');
    let mut reply = Response::new(Full::new(Bytes::from(text)));
    *reply.status_mut() = status;
    reply
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    reply
}

/// Writes to stdout and flushes; a closed stdout must not stop the server.
pub fn say(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
