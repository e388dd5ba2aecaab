"""真浏览器测试（issue 9）：像学员一样在 JupyterLab 里用课程。

在临时目录里放一份课程副本（仓库里的文件一个也不改、不保存），起一个只监听 127.0.0.1 的
JupyterLab，用 Playwright 驱动 Debian 的无头 Chromium（``/usr/bin/chromium``，不下载浏览器）：

1. 讲义 11：菜单 Run → Run All Cells 跑两遍，第二遍之后每张图都还在、没有报错
   （抓的就是“第二次 ``rf.set_theme()`` 后图表消失”那类问题）；
2. 讲义 11 的定价小工具：用键盘拖动滑块，图片和说明文字都要变；
3. 练习 11：运行准备单元格，填一个错误答案，看到“有误”；调用 ``hint()``，看到“提示”；
4. ``rf.reset_exercise("11")``：在旁边另存一份干净的 ``11_goals-clean1.ipynb`` 并给出链接，
   点链接在新标签页打开；保存原练习本后，学员的作答还在，干净副本不变。

每一步截图存到 ``$RURALFIN_ARTIFACTS/browser/``（未设置时为仓库根目录的 ``artifacts/browser/``，
不提交），JupyterLab 的日志也在那里。

不在 CI 里（没有环境变量 ``CI``）时，缺 Chromium 或 Playwright 就跳过；在 CI 里算失败。
所有等待都有上限；另有一个看门狗，整个模块超过 ``DEADLINE`` 秒就结束浏览器和服务器，绝不挂住。
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
LESSON = "notebooks/11_goals.ipynb"
EXERCISE = "exercises/11_goals.ipynb"
CLEAN_COPY = "exercises/11_goals-clean1.ipynb"  # reset_exercise 的第一份干净副本
RESET_CALL = 'rf.reset_exercise("11")'
# 练习 11 第 1 题：占位、学员的错误答案、提示
Q1_CHECK = "ex.q1.check(npl)"
Q1_PLACEHOLDER = "npl = ____"
Q1_WRONG = "npl = 99"
Q1_HINT = "ex.q1.hint()"
# reset_exercise 的输出要说明原练习本没有被改动
ORIGINAL_KEPT = re.compile(r"(没有|没|未|不会|并未)[^。\n]{0,4}(改动|修改|改变|覆盖|变动)")
# 画图的单元格（滑块小工具也算一张图）
CHART_CELL = re.compile(r"plt\.subplots|\.plot\.|\bplot_\w+\(|interactive_figure\(")

DEADLINE = 300  # 秒：整个模块的硬上限（看门狗）
RUN_TIMEOUT = 150  # 秒：一次 Run All
CELL_TIMEOUT = 90  # 秒：运行一个单元格
SERVER_TIMEOUT = 60  # 秒：JupyterLab 起来
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
    # 除了本机一个域名也解析不了：浏览器不会连外网
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
# JupyterLab 用户设置：所有单元格都挂在页面上（数图片、截图不受虚拟滚动影响），不联网、不自动保存
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                         "checkForUpdates": False},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/extensionmanager-extension/plugin.jupyterlab-settings": {"enabled": False},
}

# 页面里的小工具：通过 --LabApp.expose_app_in_browser=True 暴露的 window.jupyterapp 读 notebook 状态
HELPERS_JS = r"""
window.__rf = {
  panel(path) {
    const app = window.jupyterapp;
    if (!app) return null;
    for (const w of app.shell.widgets('main')) {
      if (w.context && w.context.path === path) return w;
    }
    return null;
  },
  cellText(cell) {
    const area = cell.node.querySelector('.jp-Cell-outputArea');
    return area ? area.innerText : '';
  },
  state(path) {
    const p = this.panel(path);
    if (!p || !p.content) return null;
    const nb = p.content;
    const kernel = p.sessionContext && p.sessionContext.session && p.sessionContext.session.kernel;
    const cells = [];
    const errors = [];
    nb.widgets.forEach((c, i) => {
      if (c.model.type !== 'code') return;
      const prompt = c.node.querySelector('.jp-InputPrompt');
      const imgs = new Set([...c.node.querySelectorAll('.jp-RenderedImage img, img.widget-image')]);
      cells.push({index: i, count: c.model.executionCount, running: !!prompt && prompt.textContent.includes('*'),
                  inline: c.node.querySelectorAll('.jp-RenderedImage img').length,
                  widget: c.node.querySelectorAll('.jp-OutputArea-output img.widget-image').length,
                  images: imgs.size});
      const outs = c.model.outputs;
      for (let k = 0; k < outs.length; k++) {
        const o = outs.get(k).toJSON();
        if (o.output_type === 'error') errors.push(`单元格 ${i}：${o.ename}: ${o.evalue}`);
      }
    });
    const stderr = [...p.node.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
      .map(e => e.textContent).filter(t => /Error|Traceback/.test(t)).map(t => t.slice(0, 400));
    const tracebacks = [...p.node.querySelectorAll('.jp-RenderedText')]
      .map(e => e.textContent).filter(t => t.includes('Traceback')).map(t => t.slice(0, 400));
    return {
      status: kernel ? kernel.status : 'none',
      ready: !!(p.context.isReady && p.content.widgets.length),
      dirty: p.context.model.dirty,
      current: !!(window.jupyterapp.shell.currentWidget === p),
      cells, errors, stderr, tracebacks,
      inline: p.node.querySelectorAll('.jp-RenderedImage img').length,
      widget: p.node.querySelectorAll('.jp-OutputArea-output img.widget-image').length,
    };
  },
  cell(path, i) {
    const p = this.panel(path);
    return p ? p.content.widgets[i] : null;
  },
  source(path, i) {
    const c = this.cell(path, i);
    return c ? c.model.sharedModel.getSource() : null;
  },
  output(path, i) {
    const c = this.cell(path, i);
    return c ? this.cellText(c) : null;
  },
  scrollTo(path, i) {
    const c = this.cell(path, i);
    if (c) c.node.scrollIntoView({block: 'center'});
  },
  withTimeout(promise, ms) {
    return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
  },
};
"""


# ---------------------------------------------------------------- 环境与进程


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _require(ok: bool, reason: str) -> None:
    """缺东西：本机跳过，CI 里失败。"""
    if ok:
        return
    if _in_ci():
        pytest.fail(f"{reason}（CI 环境中浏览器测试不能跳过；见 .ci/install-browser）")
    pytest.skip(reason)


def _artifact_dir() -> Path:
    base = os.environ.get("RURALFIN_ARTIFACTS")
    out = (Path(base) if base else ROOT / "artifacts") / "browser"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink(missing_ok=True)  # 另一次运行可能同时在清理
    return out


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    """Linux：直接子进程的 pid（用来在看门狗里结束本测试启动的 Playwright 驱动）。"""
    out: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            out += [int(x) for x in (task / "children").read_text().split()]
    except OSError:
        pass
    return out


def _stop_group(proc: subprocess.Popen, grace: float = 15) -> None:
    """结束我们启动的进程组：先 SIGTERM（JupyterLab 会关掉内核），等不到再 SIGKILL。"""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


class _Watchdog:
    """超过 DEADLINE 秒还没结束，就结束服务器和浏览器驱动：挂住的调用随即报错，测试失败而不是卡死。"""

    def __init__(self, seconds: float):
        self.fired = False
        self.procs: list[subprocess.Popen] = []
        self.pids: list[int] = []
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        for pid in self.pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        for proc in self.procs:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass

    def cancel(self) -> None:
        self._timer.cancel()


@pytest.fixture(scope="module")
def watchdog():
    dog = _Watchdog(DEADLINE)
    yield dog
    dog.cancel()
    if dog.fired:
        pytest.fail(f"浏览器测试超过 {DEADLINE} 秒，看门狗已结束浏览器和 JupyterLab")


@pytest.fixture(scope="module")
def playwright_api():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    _require(CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK),
             f"没有 {CHROMIUM}（Debian 的 chromium 包；CI 用 .ci/install-browser 安装）")
    _require(sync_playwright is not None, "没有安装 playwright（pip install -e '.[test]'）")
    return sync_playwright


@pytest.fixture(scope="module")
def artifacts():
    return _artifact_dir()


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """课程副本：讲义、练习、答案本和数据字典。notebook 里的 ``import ruralfin`` 用 .venv 里的可编辑安装。"""
    root = tmp_path_factory.mktemp("course")
    skip = shutil.ignore_patterns(".ipynb_checkpoints", "backups", "*-clean[0-9]*.ipynb", "__pycache__")
    for name in ("notebooks", "exercises", "solutions", "data"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, root / name, ignore=skip)
    for name in ("README.md",):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, root / name)
    return root


@pytest.fixture(scope="module")
def jupyter(playwright_api, course, tmp_path_factory, artifacts, watchdog):
    """在 127.0.0.1 的空闲端口上起 JupyterLab，根目录是课程副本；用完关掉。"""
    home = tmp_path_factory.mktemp("jupyter-home")
    settings = home / "config" / "lab" / "user-settings"
    for rel, value in LAB_SETTINGS.items():
        (settings / rel).parent.mkdir(parents=True, exist_ok=True)
        (settings / rel).write_text(json.dumps(value), encoding="utf-8")
    env = dict(os.environ)
    for key in ("MPLBACKEND", "PYTHONWARNINGS", "JUPYTER_PATH", "JUPYTER_CONFIG_PATH"):
        env.pop(key, None)  # 学员的内核用默认的 inline 后端；与 notebook 测试的设置无关
    env.update(
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        IPYTHONDIR=str(home / "ipython"),
        RURALFIN_COURSE_DIR=str(course),  # reset_exercise 只能动副本
        JUPYTER_PLATFORM_DIRS="1",
    )
    token = secrets.token_hex(16)
    log_path = artifacts / "jupyterlab.log"
    last_error = ""
    for _attempt in range(3):  # 端口偶尔被别人抢走：换一个再试
        port = _free_port()
        cmd = [
            sys.executable, "-m", "jupyter", "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={course}",
            "--ServerApp.terminals_enabled=False",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={home / 'workspaces'}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        log = open(log_path, "wb")
        proc = subprocess.Popen(cmd, cwd=course, env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        watchdog.procs.append(proc)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + SERVER_TIMEOUT
        up = False
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    up = r.status == 200
            except (urllib.error.URLError, OSError):
                pass
            if up:
                break
            time.sleep(0.3)
        if up:
            break
        _stop_group(proc)
        log.close()
        last_error = log_path.read_text(errors="replace")[-3000:]
        if "address already in use" not in last_error.lower():
            pytest.fail(f"JupyterLab 在 {SERVER_TIMEOUT} 秒内没有起来：\n{last_error}")
    else:
        pytest.fail(f"JupyterLab 三次都没有起来：\n{last_error}")
    try:
        yield {"base": base, "token": token, "root": course}
    finally:
        _stop_group(proc)
        log.close()


# ---------------------------------------------------------------- 浏览器


class Lab:
    """包一层 Playwright 页面：读 notebook 状态、有上限地等待、截图。"""

    def __init__(self, page, base: str, token: str, root: Path, artifacts: Path):
        self.page, self.base, self.token, self.root, self.artifacts = page, base, token, root, artifacts
        self._shot = 0

    # 截图 -------------------------------------------------------------
    def shot(self, name: str) -> Path:
        self._shot += 1
        path = self.artifacts / f"{self._shot:02d}-{name}.png"
        try:
            self.page.screenshot(path=str(path), timeout=15_000)
        except Exception as exc:  # 截图失败不掩盖真正的失败
            print(f"截图 {name} 失败：{exc}")
        return path

    # 读状态 -----------------------------------------------------------
    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def state(self, path: str):
        return self.js("p => window.__rf.state(p)", path)

    def source(self, path: str, i: int) -> str | None:
        return self.js("([p, i]) => window.__rf.source(p, i)", [path, i])

    def output(self, path: str, i: int) -> str:
        return self.js("([p, i]) => window.__rf.output(p, i)", [path, i]) or ""

    def scroll_to(self, path: str, i: int) -> None:
        self.js("([p, i]) => window.__rf.scrollTo(p, i)", [path, i])
        self.page.wait_for_timeout(300)

    def wait_for(self, check, what: str, timeout: float, *, shot: str | None = None, interval: float = 0.5):
        """每 ``interval`` 秒调一次 ``check()``，返回第一个真值；超时就截图并失败，附上最后的状态。"""
        deadline = time.monotonic() + timeout
        last = None
        while True:
            last = check()
            if last:
                return last
            if time.monotonic() > deadline:
                self.shot(shot or "timeout")
                pytest.fail(f"等了 {timeout:.0f} 秒，{what} 仍未发生；最后的状态：{last!r}"[:4000])
            self.page.wait_for_timeout(int(interval * 1000))

    # 打开 / 运行 -------------------------------------------------------
    def open_notebook(self, path: str) -> None:
        """打开 notebook 并等内核空闲：第一个用网址打开（同 Binder 链接），之后的用 docmanager:open。"""
        if self.js("() => !!window.jupyterapp"):
            self.js("p => window.__rf.withTimeout(window.jupyterapp.commands.execute('docmanager:open', {path: p}),"
                    " 30000).then(() => true)", path)
        else:
            self.page.goto(f"{self.base}/lab/tree/{path}?token={self.token}", wait_until="domcontentloaded",
                           timeout=60_000)
            self.wait_for(lambda: self.js("() => !!(window.jupyterapp && window.jupyterapp.shell)"),
                          "JupyterLab 前端加载", 60)
        self.wait_for(lambda: (s := self.state(path)) and s["ready"] and s["status"] == "idle" and s["current"] and s,
                      f"{path} 打开且内核空闲", 90, shot="open-timeout")
        self.page.wait_for_timeout(500)

    def cells(self, path: str):
        """这个 notebook 标签页里的单元格（Playwright locator）。"""
        pid = self.js("p => window.__rf.panel(p).id", path)
        return self.page.locator(f"[id='{pid}'] .jp-Notebook .jp-Cell")

    def max_count(self, path: str) -> int:
        return max((c["count"] or 0 for c in self.state(path)["cells"]), default=0)

    def run_all(self, path: str) -> dict:
        """菜单 Run → Run All Cells，等到每个代码单元格都有新的执行序号、内核空闲、图片不再变化。"""
        before = self.max_count(path)
        try:
            self.page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click(
                timeout=10_000)
            self.page.locator(".lm-Menu-content .lm-Menu-itemLabel",
                              has_text=re.compile(r"^Run All Cells$")).click(timeout=10_000)
        except Exception as exc:  # 菜单文字随 JupyterLab 版本可能变；退回同一个命令
            print(f"菜单 Run All Cells 没点到（{exc}），改用命令 notebook:run-all-cells")
            self.page.keyboard.press("Escape")
            self.js("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); return true; }")

        stable = {"n": 0}

        def finished():
            s = self.state(path)
            if s is None:
                return False
            idle = s["status"] == "idle" and not any(c["running"] for c in s["cells"])
            done = idle and all((c["count"] or 0) > before for c in s["cells"])
            aborted = idle and (s["errors"] or s["tracebacks"])  # 出错后其余单元格不会再执行
            stable["n"] = stable["n"] + 1 if (done or aborted) else 0
            return s if stable["n"] >= 3 else False

        self.wait_for(finished, f"{path} 全部运行完", RUN_TIMEOUT, shot="run-all-timeout")
        # 小组件图片在执行结束后才由前端画出来：等图片数连续 2 秒不变
        history: list[tuple[int, int]] = []

        def images_settled():
            s = self.state(path)
            history.append((s["inline"], s["widget"]))
            return s if len(history) >= 5 and len(set(history[-5:])) == 1 else False

        return self.wait_for(images_settled, "图片数稳定", 30)

    def edit_cell(self, path: str, i: int, text: str) -> None:
        """像学员一样改单元格：点进编辑器，全选，输入新内容。"""
        editor = self.cells(path).nth(i).locator(".cm-content")
        editor.click(timeout=15_000)
        self.page.keyboard.press("Control+a")
        self.page.keyboard.insert_text(text)
        self.wait_for(lambda: (self.source(path, i) or "").strip() == text.strip(),
                      f"单元格 {i} 的内容变成 {text!r}", 10)

    def run_cell(self, path: str, i: int, *, source: str | None = None) -> str:
        """（可选改内容后）在单元格里按 Shift+Enter，等它执行完，返回输出文字。"""
        if source is not None:
            self.edit_cell(path, i, source)
        else:
            self.cells(path).nth(i).locator(".cm-content").click(timeout=15_000)
        before = self.max_count(path)
        self.page.keyboard.press("Shift+Enter")

        def finished():
            s = self.state(path)
            cell = next((c for c in s["cells"] if c["index"] == i), None)
            ok = (cell and (cell["count"] or 0) > before and not cell["running"] and s["status"] == "idle")
            return s if ok else False

        self.wait_for(finished, f"单元格 {i} 运行完", CELL_TIMEOUT, shot=f"cell-{i}-timeout")
        self.page.wait_for_timeout(300)
        return self.output(path, i)


def _fontconfig(folder: Path) -> Path:
    """给浏览器的 fontconfig：系统设置 + 课程库自带的中文字体。

    学员的 Windows/macOS 自带中文字体，网页里的中文正常显示；CI 机器故意不装系统中文字体，
    不加这一步截图里的中文全是方框。只影响这个浏览器进程。
    """
    import ruralfin

    fonts = Path(ruralfin.__file__).resolve().parent / "fonts"
    extra = f"<dir>{fonts}</dir>" if fonts.is_dir() else ""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  {extra}\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8")
    return conf


@pytest.fixture(scope="module")
def lab(jupyter, playwright_api, tmp_path_factory, artifacts, watchdog):
    """一个无头 Chromium（全新的用户目录），只许访问本机的 JupyterLab。"""
    me = os.getpid()
    before = set(_children(me))
    pw = playwright_api().start()
    watchdog.pids += [p for p in _children(me) if p not in before]  # Playwright 驱动
    profile = tmp_path_factory.mktemp("chromium-profile")
    browser_env = {**os.environ, "FONTCONFIG_FILE": str(_fontconfig(tmp_path_factory.mktemp("fontconfig")))}
    blocked: list[str] = []
    context = None
    try:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1440, "height": 900}, locale="zh-CN", timeout=60_000, env=browser_env,
        )
        context.set_default_timeout(30_000)

        def only_localhost(route):
            url = route.request.url
            if url.startswith(("http://127.0.0.1:", "ws://127.0.0.1:")):
                route.continue_()
            else:
                blocked.append(url)
                route.abort()

        context.route("**/*", only_localhost)
        context.add_init_script(HELPERS_JS)
        page = context.pages[0] if context.pages else context.new_page()
        messages: list[str] = []
        page.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
        yield Lab(page, jupyter["base"], jupyter["token"], jupyter["root"], artifacts)
    finally:
        if context is not None:
            try:
                context.close()
            except Exception as exc:
                print(f"关闭浏览器出错：{exc}")
        try:
            pw.stop()
        except Exception as exc:
            print(f"结束 Playwright 出错：{exc}")
        if blocked:
            (artifacts / "blocked-requests.txt").write_text("\n".join(blocked), encoding="utf-8")


# ---------------------------------------------------------------- 讲义 11


@pytest.fixture(scope="module")
def lesson(lab):
    """打开讲义 11，Run All 两遍，记下每一遍的状态。"""
    lab.open_notebook(LESSON)
    lab.shot("lesson-opened")
    first = lab.run_all(LESSON)
    charts = [c["index"] for c in first["cells"] if c["images"]]
    if charts:
        lab.scroll_to(LESSON, charts[0])
    lab.shot("lesson-run1")
    second = lab.run_all(LESSON)
    if charts:
        lab.scroll_to(LESSON, charts[0])
    lab.shot("lesson-run2")
    return {"first": first, "second": second}


def _chart_cells(root: Path) -> list[int]:
    import nbformat

    nb = nbformat.read(root / LESSON, as_version=4)
    return [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and CHART_CELL.search(c.source)]


def _no_errors(state: dict, label: str) -> None:
    problems = state["errors"] + state["stderr"] + state["tracebacks"]
    assert not problems, f"{label}有报错：\n" + "\n".join(problems)


def test_lesson_runs_twice_and_keeps_every_chart(lesson, lab):
    first, second = lesson["first"], lesson["second"]
    _no_errors(first, "第一遍 Run All ")
    _no_errors(second, "第二遍 Run All ")
    for n, s in enumerate((first, second), 1):
        missing = [c["index"] for c in s["cells"] if c["count"] is None]
        assert not missing, f"第 {n} 遍后这些单元格没有执行序号：{missing}"
    charts = _chart_cells(lab.root)
    images_1 = first["inline"] + first["widget"]
    images_2 = second["inline"] + second["widget"]
    assert images_1 >= len(charts), f"第一遍只有 {images_1} 张图，画图的单元格有 {len(charts)} 个：{charts}"
    assert first["widget"] >= 1, "第一遍没有看到定价小工具的图片"
    lost = [c1["index"] for c1, c2 in zip(first["cells"], second["cells"]) if c2["images"] < c1["images"]]
    assert images_2 == images_1 and not lost, (
        f"第二遍 Run All 后图表变少：{images_1} → {images_2} 张（内嵌 {first['inline']} → {second['inline']}，"
        f"小组件 {first['widget']} → {second['widget']}）；少了图的单元格：{lost}")


def _image_digest(lab: Lab) -> dict:
    """小工具里那张图：src、内容摘要（blob 内容逐字节哈希）和说明文字。"""
    return lab.js(r"""async (p) => {
        const panel = window.__rf.panel(p);
        const img = panel.node.querySelector('.jp-OutputArea-output img.widget-image');
        if (!img) return null;
        const box = img.closest('.widget-vbox') || img.parentElement;
        const label = box.querySelector('.widget-label:not(.widget-slider .widget-label)');
        const readout = box.querySelector('.widget-readout');
        let bytes = -1, hash = 0;
        try {
          const r = await window.__rf.withTimeout(fetch(img.src), 5000);
          const b = new Uint8Array(await r.arrayBuffer());
          bytes = b.length;
          for (let i = 0; i < b.length; i++) hash = (Math.imul(hash, 31) + b[i]) | 0;
        } catch (e) { hash = String(e); }
        return {src: img.src.slice(0, 80), bytes, hash, complete: img.complete && img.naturalWidth > 0,
                caption: label ? label.textContent : '', readout: readout ? readout.textContent : ''};
    }""", LESSON)


def test_pricing_slider_redraws_the_chart(lesson, lab):
    widget_cells = [c["index"] for c in lesson["second"]["cells"] if c["widget"]]
    assert widget_cells, "讲义 11 没有小组件图片"
    widget_cell = widget_cells[-1]
    lab.scroll_to(LESSON, widget_cell)
    before = lab.wait_for(lambda: (d := _image_digest(lab)) and d["complete"] and d["bytes"] > 0 and d,
                          "小工具图片加载", 20)
    lab.shot("slider-before")
    handle = lab.cells(LESSON).nth(widget_cell).locator(".noUi-handle").first
    handle.focus(timeout=10_000)
    for _ in range(4):  # 违约概率 2% → 4%（步长 0.5%）
        lab.page.keyboard.press("ArrowRight")
        lab.page.wait_for_timeout(150)
    after = lab.wait_for(
        lambda: (d := _image_digest(lab)) and d["complete"] and d["hash"] != before["hash"]
        and d["caption"] != before["caption"] and d,
        "拖动滑块后图片和说明文字变化", 30, shot="slider-timeout")
    lab.page.wait_for_timeout(500)
    lab.shot("slider-after")
    assert after["readout"] != before["readout"], (before, after)
    assert after["src"] != before["src"] and after["hash"] != before["hash"], (before, after)
    assert "保本利率" in after["caption"] and after["caption"] != before["caption"], (before, after)
    _no_errors(lab.state(LESSON), "拖动滑块后")


# ---------------------------------------------------------------- 练习 11


def _cell_index(root: Path, rel: str, needle: str) -> int:
    import nbformat

    nb = nbformat.read(root / rel, as_version=4)
    hits = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and needle in c.source]
    assert hits, f"{rel} 里找不到含 {needle!r} 的代码单元格"
    return hits[0]


@pytest.fixture(scope="module")
def exercise(lab, lesson):
    """打开练习 11：运行准备单元格，第 1 题填错误答案，再看一条提示。"""
    # 讲义的内核用完了，关掉省 CPU（两核机器）
    lab.js("p => { const w = window.__rf.panel(p); if (w) w.sessionContext.shutdown(); return true; }", LESSON)
    root = lab.root
    setup = _cell_index(root, EXERCISE, "rf.load_dataset")
    q1 = _cell_index(root, EXERCISE, Q1_CHECK)
    hint = _cell_index(root, EXERCISE, "ex.q1.hint()")
    lab.open_notebook(EXERCISE)
    lab.shot("exercise-opened")
    setup_out = lab.run_cell(EXERCISE, setup)
    _no_errors(lab.state(EXERCISE), "练习准备单元格")
    source = lab.source(EXERCISE, q1)
    assert Q1_PLACEHOLDER in source, source
    wrong_source = source.replace(Q1_PLACEHOLDER, Q1_WRONG)
    wrong_out = lab.run_cell(EXERCISE, q1, source=wrong_source)
    lab.scroll_to(EXERCISE, q1)
    lab.shot("exercise-wrong-answer")
    hint_out = lab.run_cell(EXERCISE, hint, source=Q1_HINT)
    lab.scroll_to(EXERCISE, hint)
    lab.shot("exercise-hint")
    return {"setup": setup_out, "q1": q1, "hint_cell": hint, "wrong": wrong_out, "hint": hint_out,
            "wrong_source": wrong_source}


def test_exercise_wrong_answer_and_hint(exercise, lab):
    assert "有误" in exercise["wrong"] and "第 1 题" in exercise["wrong"], exercise["wrong"]
    assert "提示" in exercise["hint"], exercise["hint"]
    assert re.search(r"[\u4e00-\u9fff]{6,}", exercise["hint"]), f"提示里没有中文说明：{exercise['hint']!r}"
    _no_errors(lab.state(EXERCISE), "练习 11 ")


def _find_link(lab: Lab, path: str, i: int, text: str):
    return lab.js("""([p, i, t]) => {
        const c = window.__rf.cell(p, i);
        if (!c) return null;
        const a = [...c.node.querySelectorAll('.jp-Cell-outputArea a')].find(a => a.textContent.includes(t));
        return a ? {text: a.textContent, href: a.getAttribute('href')} : null;
    }""", [path, i, text])


def test_reset_exercise_writes_a_clean_copy_and_keeps_the_answers(exercise, lab):
    import nbformat

    root = lab.root
    original = root / EXERCISE
    clean = root / CLEAN_COPY
    on_disk_before = original.read_bytes()
    assert not clean.exists()

    # 在提示单元格下面插入一个新单元格，运行 rf.reset_exercise("11")（讲义 00 教的做法）
    hint = exercise["hint_cell"]
    lab.page.keyboard.press("Escape")
    lab.cells(EXERCISE).nth(hint).locator(".jp-InputPrompt").click(timeout=10_000)
    lab.page.keyboard.press("b")
    reset = hint + 1
    lab.wait_for(lambda: lab.source(EXERCISE, reset) == "", "插入新单元格", 10)
    out = lab.run_cell(EXERCISE, reset, source=RESET_CALL)
    lab.scroll_to(EXERCISE, reset)
    lab.shot("reset-output")
    _no_errors(lab.state(EXERCISE), "rf.reset_exercise ")

    name = Path(CLEAN_COPY).name
    link = lab.wait_for(lambda: _find_link(lab, EXERCISE, reset, name), f"输出里出现 {name} 的链接（单元格输出：{out!r}）", 10,
                        shot="reset-no-link")
    assert ORIGINAL_KEPT.search(out), f"输出没有说明原练习本未被改动：{out!r}"
    assert original.read_bytes() == on_disk_before, "reset_exercise 改动了打开着的练习本"
    assert clean.exists(), f"输出里有链接，但 {CLEAN_COPY} 不存在：{link}"
    clean_bytes = clean.read_bytes()
    clean_nb = nbformat.read(clean, as_version=4)
    q1_src = next(c.source for c in clean_nb.cells if c.cell_type == "code" and Q1_CHECK in c.source)
    assert Q1_PLACEHOLDER in q1_src and Q1_WRONG not in q1_src, q1_src
    assert all(not c.get("outputs") for c in clean_nb.cells if c.cell_type == "code"), "干净副本里有运行结果"

    # 点链接：新标签页打开干净副本
    lab.cells(EXERCISE).nth(reset).locator(
        ".jp-Cell-outputArea a", has_text=name).first.click(timeout=10_000)
    lab.wait_for(lambda: (s := lab.state(CLEAN_COPY)) and s["ready"] and s["current"],
                 f"{name} 在新标签页打开", 30, shot="clean-not-opened")
    tab = lab.page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel")
    assert tab.first.inner_text(timeout=10_000).strip() == name
    q1_clean = _cell_index(root, CLEAN_COPY, Q1_CHECK)
    assert Q1_PLACEHOLDER in (lab.source(CLEAN_COPY, q1_clean) or "")
    lab.page.wait_for_timeout(500)
    lab.scroll_to(CLEAN_COPY, q1_clean)
    lab.shot("clean-copy-tab")

    # 回到原练习本，Ctrl+S 保存：学员的作答写进原文件，干净副本不受影响
    lab.js("p => { window.jupyterapp.shell.activateById(window.__rf.panel(p).id); return true; }", EXERCISE)
    lab.wait_for(lambda: lab.state(EXERCISE)["current"], "切回原练习本", 10)
    lab.cells(EXERCISE).nth(exercise["q1"]).locator(".jp-InputPrompt").click()
    lab.page.keyboard.press("Control+s")
    lab.wait_for(lambda: not lab.state(EXERCISE)["dirty"] and Q1_WRONG.encode() in original.read_bytes(),
                 "原练习本保存到磁盘", 20, shot="save-timeout")
    lab.shot("original-saved")
    saved = nbformat.read(original, as_version=4)
    q1_saved = next(c.source for c in saved.cells if c.cell_type == "code" and Q1_CHECK in c.source)
    assert Q1_WRONG in q1_saved, q1_saved
    assert any(RESET_CALL in c.source for c in saved.cells), "保存的练习本里没有学员加的单元格"
    assert clean.read_bytes() == clean_bytes, "保存原练习本后干净副本变了"
    assert not (root / "exercises" / "11_goals-clean2.ipynb").exists()
