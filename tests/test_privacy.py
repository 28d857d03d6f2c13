"""Privacy: the program opens no network connection and writes nothing about the patient but the user's own files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import GOLDEN, ROOT

# Runs a command inside an audit hook that stops the process at the first network call it sees.
GUARDED = """
import sys
def guard(event, args):
    if event.startswith(("socket.", "urllib.", "http.")) or event in ("socket.getaddrinfo", "socket.gethostbyname"):
        sys.stderr.write("NETWORK " + event + "\\n")
        sys.stderr.flush()
        import os
        os._exit(99)
sys.addaudithook(guard)
sys.argv = sys.argv[1:]
import runpy
runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""


def run_guarded(home: Path, module: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        [sys.executable, "-c", GUARDED, module, *arguments],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


def test_estimate_pdf_and_json_open_no_network_connection(tmp_path: Path) -> None:
    run = run_guarded(
        tmp_path,
        "estimator.command.cli",
        "estimate",
        str(GOLDEN / "crown_basic.xlsx"),
        "--pdf",
        str(tmp_path / "s.pdf"),
        "--json",
        str(tmp_path / "s.json"),
    )
    assert run.returncode == 0, run.stderr
    assert "NETWORK" not in run.stderr and (tmp_path / "s.pdf").exists()


def test_desktop_app_opens_no_network_connection(tmp_path: Path) -> None:
    run = run_guarded(tmp_path, "ui.app", "--screenshot", str(tmp_path / "w.png"), str(GOLDEN / "crown_basic.xlsx"))
    assert run.returncode == 0, run.stderr
    assert "NETWORK" not in run.stderr


def test_the_guard_does_catch_a_connection(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("import socket\nsocket.create_connection(('127.0.0.1', 9))\n", encoding="utf-8")
    environment_path = str(tmp_path)
    run = subprocess.run(
        [sys.executable, "-c", GUARDED, "probe"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": environment_path},
    )
    assert run.returncode == 99 and "NETWORK socket." in run.stderr


def test_nothing_about_the_patient_is_written_outside_the_users_files(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    run = run_guarded(home, "ui.app", "--screenshot", str(tmp_path / "w.png"), str(GOLDEN / "crown_basic.xlsx"))
    assert run.returncode == 0, run.stderr
    run = run_guarded(home, "estimator.command.cli", "estimate", str(GOLDEN / "crown_basic.xlsx"))
    assert run.returncode == 0
    written = [p for p in home.rglob("*") if p.is_file()]
    for path in written:
        content = path.read_bytes()
        assert b"Mustermann" not in content and b"A123456789" not in content, path
    assert "Mustermann" not in run.stderr
