"""The portal run in another process for a test (the browser tests' gunicorn, the flood test's two servers): a free
port, and a server started there and waited for until its health check answers."""

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(command: list[str], env: dict, what: str, port: int) -> tuple[subprocess.Popen, str]:
    """Run ``command`` (serving on ``port``) from the project's folder and wait, at most a minute, until /healthz
    answers 200; the process and its address."""
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=2)  # noqa: S310 - our own local server
            return server, url
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError(f"{what} did not start") from None
            time.sleep(0.2)
