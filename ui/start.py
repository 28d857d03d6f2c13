"""`hkp-estimator`: starts the desktop application with the cyclic garbage collector paused while it loads.

Loading creates some hundred thousand objects (modules, classes, Qt wrappers, the price lists) that live as
long as the program; collecting among them again and again during the start only costs time, about a
twentieth of it (bench/bench.py). Once the window is shown, ui.collector collects while the window is idle.

Before Qt loads, a machine that cannot show a window is told so in one line: Qt itself would abort with a
page of plugin messages.
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys
from collections.abc import Callable, Mapping, Sequence

# What Qt's xcb platform plugin loads on Linux, by library, with the Debian/Ubuntu package that holds it.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
}
NO_SCREEN = (
    "kein Bildschirm gefunden (weder DISPLAY noch WAYLAND_DISPLAY gesetzt). Im Terminal rechnet „hkp estimate "
    "PLAN.xlsx“; ein Bild des Fensters ohne Bildschirm: QT_QPA_PLATFORM=offscreen hkp-estimator --screenshot fenster.png"
)


def _loadable(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def _x_reachable(display: str) -> bool:
    """Whether the X server of a display answers (Qt aborts with a page of messages when it does not)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # the library check names what is missing
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(connection) and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection:
            xcb.xcb_disconnect(connection)


def _wayland_reachable(environ: Mapping[str, str]) -> bool:
    socket = environ.get("WAYLAND_DISPLAY", "")
    return os.path.exists(socket if socket.startswith("/") else os.path.join(environ.get("XDG_RUNTIME_DIR", ""), socket))


def display_problem(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    loadable: Callable[[str], bool] = _loadable,
    reachable: Callable[[str], bool] = _x_reachable,
) -> str:
    """Why this machine cannot show the window, in one line, or "" (Linux: a display that answers, Qt's xcb
    libraries)."""
    if platform != "linux":
        return ""
    requested = environ.get("QT_QPA_PLATFORM", "")
    if requested and not requested.startswith(("xcb", "wayland")):
        return ""  # offscreen, minimal, vnc: no screen needed
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return NO_SCREEN
    if requested.startswith("wayland") or (environ.get("WAYLAND_DISPLAY") and not requested):
        if _wayland_reachable(environ):
            return ""
        return f"der Bildschirm {environ.get('WAYLAND_DISPLAY', '')} (Wayland) antwortet nicht. {NO_SCREEN.split('. ', 1)[1]}"
    missing = [package for library, package in XCB_LIBRARIES.items() if not loadable(library)]
    if missing:
        return (
            f"für das Fenster fehlen Systembibliotheken; bitte installieren (Debian/Ubuntu): "
            f"sudo apt-get install {' '.join(missing)}"
        )
    if not reachable(environ.get("DISPLAY", "")):
        return f"der Bildschirm {environ.get('DISPLAY', '')} antwortet nicht. {NO_SCREEN.split('. ', 1)[1]}"
    return ""


def main(argv: Sequence[str] | None = None) -> int:
    problem = display_problem()
    if problem:
        print(f"hkp-estimator: {problem}", file=sys.stderr)
        return 2
    gc.disable()
    from ui.app import main as run_app  # noqa: PLC0415 - loaded only now that the collector is paused

    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main())
