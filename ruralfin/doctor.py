"""课前检查：``python -m ruralfin doctor``。

逐项检查学员的电脑能否上课，并为每个问题给出解决办法；全部通过时退出码为 0。
检查项：Python 版本、依赖包及版本、中文字体、ipywidgets 前端、示范县数据能否读取、
课程文件（notebooks/、exercises/、solutions/）是否齐全。

找不到课程文件夹时（只用 pip 装了 ruralfin 库，旁边没有课程文件）进入**仅库模式**：
报告开头说明这一点，课程文件一项记为“跳过”，其余各项照常检查，都通过时退出码为 0。
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

__all__ = ["Check", "run_checks", "format_report"]

MIN_PYTHON = (3, 11)
_PIP_FIX = ("在课程文件夹里运行 make lab（或 pip install -e .）；conda 用户运行 "
            "conda env update -f environment.yml，再运行 pip install --no-deps -e .")


@dataclass(frozen=True)
class Check:
    """一项检查的结果。``status`` 为 ``"ok"``、``"warn"``、``"fail"`` 或 ``"skip"``（不适用、未检查）。"""

    check: str
    status: str
    detail: str
    fix: str = ""


def _check_python() -> Check:
    v = sys.version_info
    ver = f"{v.major}.{v.minor}.{v.micro}"
    if (v.major, v.minor) >= MIN_PYTHON:
        return Check("Python 版本", "ok", f"Python {ver}")
    return Check("Python 版本", "fail", f"Python {ver}，低于课程要求的 3.11",
                 "安装 Python 3.11 或更新版本（Anaconda 用户：conda env create -f environment.yml）")


def _requirements() -> list[str]:
    try:
        reqs = metadata.requires("ruralfin") or []
    except metadata.PackageNotFoundError:
        reqs = []
    if not reqs:  # 未安装时读 pyproject.toml
        import tomllib

        pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
        if pyproject.exists():
            reqs = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    return [r for r in reqs if "extra ==" not in r]


def _check_packages() -> list[Check]:
    from packaging.requirements import Requirement

    out = []
    for text in _requirements():
        req = Requirement(text)
        try:
            have = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            out.append(Check(f"依赖包 {req.name}", "fail", "没有安装", _PIP_FIX))
            continue
        if req.specifier and not req.specifier.contains(have, prereleases=True):
            out.append(Check(f"依赖包 {req.name}", "fail", f"版本 {have}，课程要求 {req.specifier}", _PIP_FIX))
        else:
            out.append(Check(f"依赖包 {req.name}", "ok", f"版本 {have}"))
    return out


def _check_font() -> Check:
    try:
        import matplotlib

        matplotlib.use("Agg", force=False)
        from .plotting import BUNDLED_FONT, find_cjk_font

        font = find_cjk_font(bundled=True)
    except Exception as exc:  # noqa: BLE001 - 报告而不是崩溃
        return Check("中文字体", "fail", f"检查字体时出错：{exc}", _PIP_FIX)
    if font == BUNDLED_FONT:
        return Check("中文字体", "ok", f"系统没有中文字体，使用随课程库附带的 {font}（图表中文可正常显示）")
    if font:
        return Check("中文字体", "ok", f"找到 {font}")
    return Check("中文字体", "fail", "没有找到中文字体，图表中的中文会显示为方框",
                 "Debian/Ubuntu：sudo apt-get install fonts-noto-cjk；Windows/macOS 系统自带中文字体，"
                 "若仍失败请删除 matplotlib 字体缓存（~/.matplotlib 或 ~/.cache/matplotlib）后重启内核")


def _check_widgets() -> Check:
    try:
        import ipywidgets
    except ImportError:
        return Check("交互小组件", "fail", "没有安装 ipywidgets", _PIP_FIX)
    try:
        from jupyter_core.paths import jupyter_path

        dirs = [Path(p) / "@jupyter-widgets" / "jupyterlab-manager" for p in jupyter_path("labextensions")]
    except ImportError:
        dirs = []
    found = next((d for d in dirs if d.is_dir()), None)
    if found:
        return Check("交互小组件", "ok", f"ipywidgets {ipywidgets.__version__}，JupyterLab 前端已安装")
    return Check("交互小组件", "fail", f"ipywidgets {ipywidgets.__version__} 已装，但 JupyterLab 找不到它的前端，滑块不会显示",
                 "pip install -U jupyterlab_widgets（conda 用户：conda install -c conda-forge jupyterlab_widgets），然后重启 JupyterLab")


def _check_data() -> Check:
    try:
        from . import datasets
    except ImportError as exc:
        return Check("示范县数据", "fail", f"数据模块不可用：{exc}", _PIP_FIX)
    try:
        names = list(datasets.list_datasets()["name"])
        start = time.perf_counter()
        slowest = (0.0, "")
        for name in names:
            t = time.perf_counter()
            datasets.load_dataset(name)
            slowest = max(slowest, (time.perf_counter() - t, name))
        total = time.perf_counter() - start
    except Exception as exc:  # noqa: BLE001
        return Check("示范县数据", "fail", f"读取数据失败：{exc}", "重新安装课程（make lab），或运行 git status 看数据文件是否被改动")
    detail = f"{len(names)} 张表全部可读，共用时 {total:.1f} 秒（最慢：{slowest[1]} {slowest[0]:.2f} 秒）"
    if slowest[0] > 3:
        return Check("示范县数据", "warn", detail + "，电脑偏慢，上课时单元格可能要等几秒", "关闭其他占内存的程序")
    return Check("示范县数据", "ok", detail)


def _check_course_files() -> Check:
    from .practice.build import course_root
    from .errors import RuralfinValueError

    try:
        root = course_root()
    except RuralfinValueError as exc:
        return Check("课程文件", "fail", str(exc), "cd 到课程文件夹（含 notebooks/ 的那个）再运行本检查")
    counts = {d: len(list((root / d).glob("*.ipynb"))) for d in ("notebooks", "exercises", "solutions")}
    missing = [d for d, n in counts.items() if n == 0]
    detail = "，".join(f"{d}/ {n} 个" for d, n in counts.items())
    if missing:
        return Check("课程文件", "fail", f"{detail}；{'、'.join(missing)} 里没有 notebook", "重新下载或 git clone 课程仓库")
    return Check("课程文件", "ok", f"{root}：{detail}")


def _has_course_files() -> bool:
    """是否按课程模式检查：设置了 ``RURALFIN_COURSE_DIR``（指错了要报出来，不能当成仅库模式），
    或者能找到课程文件夹（与 ``build-exercises`` 用同一套查找规则）。"""
    from .errors import RuralfinValueError
    from .practice.build import course_root

    if os.environ.get("RURALFIN_COURSE_DIR"):
        return True
    try:
        course_root()
    except RuralfinValueError:
        return False
    return True


#: 仅库模式时报告开头的一行。
LIBRARY_ONLY = ("运行模式：仅库模式（没有找到含 notebooks/、exercises/、solutions/ 的课程文件夹），"
                "只检查 Python、依赖包、中文字体、交互小组件和示范县数据，已跳过课程文件检查。")


def run_checks() -> list[Check]:
    """运行全部适用的检查，返回 :class:`Check` 列表。

    找不到课程文件夹时（仅库模式）课程文件一项的状态为 ``"skip"``，不算未通过。

    Examples
    --------
    >>> checks = run_checks()
    >>> checks[0].check, all(c.status in ("ok", "warn", "fail", "skip") for c in checks)
    ('Python 版本', True)
    """
    checks = [_check_python(), *_check_packages(), _check_font(), _check_widgets(), _check_data()]
    if _has_course_files():
        checks.append(_check_course_files())
    else:
        checks.append(Check("课程文件", "skip", "没有找到课程文件夹，已跳过（仅库模式）",
                            "若要上课：cd 到课程文件夹再运行本检查，或设置环境变量 RURALFIN_COURSE_DIR 指向它"))
    return checks


_MARK = {"ok": "通过", "warn": "提醒", "fail": "未通过", "skip": "跳过"}  # 不用 ✔/✘：Windows 的 GBK 控制台可能显示不了


def format_report(checks: list[Check]) -> str:
    """把检查结果排成中文报告。

    Examples
    --------
    >>> print(format_report([Check("Python 版本", "ok", "Python 3.11.7"),
    ...                      Check("课程文件", "skip", "没有找到课程文件夹，已跳过（仅库模式）")]))
    ruralfin 课前环境检查
    ========================
    运行模式：仅库模式（没有找到含 notebooks/、exercises/、solutions/ 的课程文件夹）...已跳过课程文件检查。
    [通过] Python 版本：Python 3.11.7
    [跳过] 课程文件：没有找到课程文件夹，已跳过（仅库模式）
    ------------------------
    全部通过：这台电脑可以使用 ruralfin 库了（要上课还需要课程文件夹）。
    """
    from ._validation import check_instance

    check_instance(checks, (), "checks", items=Check)
    library_only = any(c.status == "skip" and c.check == "课程文件" for c in checks)
    lines = ["ruralfin 课前环境检查", "=" * 24]
    if library_only:
        lines.append(LIBRARY_ONLY)
    for c in checks:
        lines.append(f"[{_MARK[c.status]}] {c.check}：{c.detail}")
        if c.status in ("warn", "fail") and c.fix:
            lines.append(f"      解决办法：{c.fix}")
    n_fail = sum(c.status == "fail" for c in checks)
    n_warn = sum(c.status == "warn" for c in checks)
    lines.append("-" * 24)
    if n_fail:
        lines.append(f"有 {n_fail} 项未通过，请按上面的办法处理后重新运行 python -m ruralfin doctor。")
    else:
        extra = f"（{n_warn} 项提醒可留意）" if n_warn else ""
        ready = "这台电脑可以使用 ruralfin 库了（要上课还需要课程文件夹）" if library_only else "这台电脑可以上课了"
        lines.append(f"全部通过{extra}：{ready}。")
    return "\n".join(lines)


def add_arguments(p: argparse.ArgumentParser) -> None:  # noqa: ARG001 - 无参数
    pass


def run(args: argparse.Namespace | None = None) -> int:  # noqa: ARG001
    checks = run_checks()
    print(format_report(checks))
    return 1 if any(c.status == "fail" for c in checks) else 0
