"""README 的两条命令：make lab 在 root 身份下（Docker、WSL、云主机）也能启动。"""

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_make_lab_adds_allow_root_only_for_root():
    out = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    line = [ln for ln in out.splitlines() if "jupyter lab" in ln][-1]
    assert ("--allow-root" in line) == (os.geteuid() == 0)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="只在以 root 运行时检查")
def test_make_lab_starts_as_root():
    if not (ROOT / ".venv" / ".installed").exists():
        pytest.skip("make lab 的虚拟环境 .venv 还没装好")
    port = _free_port()
    args = f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} --ServerApp.token=t --ServerApp.port_retries=0"
    proc = subprocess.Popen(["make", "lab", f"JUPYTER_ARGS={args}"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token=t", timeout=2) as r:
                    status = r.status
                    break
            except OSError:
                time.sleep(0.5)
        if status != 200:
            os.killpg(proc.pid, signal.SIGTERM)
            out = proc.communicate(timeout=20)[0]
            pytest.fail(f"make lab 没有启动（root 身份）：\n{out[-3000:]}")
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


def test_readme_promises_no_slides_that_need_the_network():
    """断网教室：README 和第 00 课不能承诺用幻灯片插件或 nbconvert 幻灯片放映。"""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lesson00 = (ROOT / "notebooks" / "00_overview.ipynb").read_text(encoding="utf-8")
    for text in (readme, lesson00):
        assert "幻灯片插件放映" not in text
    if "nbconvert --to slides" in readme:
        para = readme[readme.index("nbconvert --to slides") - 300: readme.index("nbconvert --to slides") + 300]
        assert "断网" in para or "联网" in para
