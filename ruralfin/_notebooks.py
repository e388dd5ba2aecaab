"""执行课程 notebook 并收集结果：供测试（tests/test_notebooks.py）和基准脚本共用。

执行时把 matplotlib 的“缺字形”警告变成错误（``PYTHONWARNINGS=error:Glyph:UserWarning``），
并在输出里查找残留的缺字形信息，所以图中出现一个方框就算失败。

学员常把整本 notebook 运行两遍（Run All 之后再 Run All，或重跑导入单元格），
所以 ``runs=2`` 在同一个内核里从头到尾再执行一遍，分别记下每一遍的图片数、报错和判分结果：
第二遍少了图（如 ``set_theme`` 重置后端导致图表消失）就能被测试发现。
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["NotebookRun", "execute_notebook", "count_checks"]

GLYPH_PATTERN = re.compile(r"Glyph \d+ .*missing from font|missing from (current )?font", re.I)
_CHECK_CALL = re.compile(r"\.check\(")


@dataclass
class NotebookRun:
    """一次执行的记录。"""

    path: Path
    seconds: float
    cell_seconds: list[tuple[int, float, str]] = field(default_factory=list)  # (单元格序号, 秒, 首行)
    outcomes: list[tuple[str, str]] = field(default_factory=list)  # (题号, 结果)；最后一遍
    errors: list[str] = field(default_factory=list)
    glyph_problems: list[str] = field(default_factory=list)
    images: list[int] = field(default_factory=list)  # 每一遍的图片数（单元格输出 + 小组件里的图片）
    widget_texts: list[str] = field(default_factory=list)  # 小组件输出里的文字（最后一遍）
    outcomes_by_run: list[list[tuple[str, str]]] = field(default_factory=list)

    @property
    def slowest(self) -> tuple[int, float, str]:
        return max(self.cell_seconds, key=lambda t: t[1]) if self.cell_seconds else (-1, 0.0, "")


def count_checks(nb) -> int:
    """notebook 里调用 ``.check(`` 的次数（代码单元格）。"""
    return sum(len(_CHECK_CALL.findall(c.source)) for c in nb.cells if c.cell_type == "code")


def _count_images(outputs) -> int:
    return sum(1 for out in outputs if "image/png" in (out.get("data") or {}))


def execute_notebook(path: str | os.PathLike, *, timeout: int = 120, glyph_errors: bool = True,
                     runs: int = 1) -> NotebookRun:
    """在新内核里从头到尾执行 ``path``（``runs`` 遍，同一个内核），不写回文件。

    出错不抛出，记录在 ``errors``（注明第几遍）；``images`` 是每一遍的图片数，
    ``widget_texts`` 是最后一遍小组件输出的文字，供讲义的断言测试核对读数。
    """
    import copy

    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    source_nb = nbformat.read(path, as_version=4)
    nb = copy.deepcopy(source_nb)
    env_backup = {k: os.environ.get(k) for k in ("PYTHONWARNINGS", "MPLBACKEND")}
    if glyph_errors:
        os.environ["PYTHONWARNINGS"] = "error:Glyph:UserWarning"
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    km = None
    sockets = None
    if os.name == "posix":
        # 并行执行多个 notebook 时，TCP 端口偶尔会撞车（Address already in use）；
        # 改用临时目录里的 IPC 套接字，互不冲突
        import tempfile

        from jupyter_client.manager import KernelManager

        sockets = tempfile.TemporaryDirectory(prefix="ruralfin-kernel-")
        km = KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(sockets.name, "k"))
    client = NotebookClient(nb, km=km, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    run = NotebookRun(path=path, seconds=0.0)
    start = time.perf_counter()
    try:
        with client.setup_kernel():
            for k in range(runs):
                tag = f"第 {k + 1} 遍，" if runs > 1 else ""
                if k:
                    # 像学员再按一次 Run All：同一个内核，单元格输出清空后重来
                    for cell in nb.cells:
                        if cell.cell_type == "code":
                            cell.outputs = []
                    client.widget_state.clear()
                    client.widget_buffers.clear()
                    nb.metadata.pop("widgets", None)
                failed = False
                for index, cell in enumerate(nb.cells):
                    if cell.cell_type != "code":
                        continue
                    t0 = time.perf_counter()
                    try:
                        client.execute_cell(cell, index)
                    except CellExecutionError as exc:
                        run.errors.append(f"{tag}单元格 {index}：{str(exc)[:2000]}")
                        failed = True
                        break
                    finally:
                        if k == 0:
                            first = cell.source.strip().splitlines()[0][:60] if cell.source.strip() else ""
                            run.cell_seconds.append((index, time.perf_counter() - t0, first))
                client.set_widgets_metadata()
                _collect(nb, run, tag)
                if failed:
                    break
    finally:
        if sockets is not None:
            sockets.cleanup()
        for k, v in env_backup.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    run.seconds = time.perf_counter() - start
    return run


def _collect(nb, run: NotebookRun, tag: str) -> None:
    """从执行后的 notebook 里收集一遍的结果。"""
    outcomes: list[tuple[str, str]] = []
    n_images = 0
    widget_texts: list[str] = []
    # 交互小组件（interact 等）的输出存放在小组件状态里，不在单元格输出里：其中的报错同样算失败
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    for model in state.values():
        st = model.get("state", {})
        if model.get("model_name") == "ImageModel":
            n_images += 1
        outs = st.get("outputs", []) or []
        n_images += _count_images(outs)
        for out in outs:
            if out.get("output_type") == "error":
                run.errors.append(f"{tag}小组件输出：{out.get('ename')}: {out.get('evalue')}")
            text = out.get("text", "") or ""
            if not text and "text/plain" in (out.get("data") or {}):
                text = out["data"]["text/plain"]
            if text:
                widget_texts.append(text if isinstance(text, str) else "".join(text))
            if GLYPH_PATTERN.search(text if isinstance(text, str) else "".join(text)):
                run.glyph_problems.append(f"{tag}小组件输出：{GLYPH_PATTERN.search(text).group(0)}")
    for index, cell in enumerate(nb.cells):
        outputs = cell.get("outputs", [])
        n_images += _count_images(outputs)
        for out in outputs:
            meta = out.get("metadata", {}).get("ruralfin")
            if meta and meta.get("outcome") in ("correct", "wrong", "unanswered"):
                outcomes.append((meta["question"], meta["outcome"]))
            if out.get("output_type") == "error":
                msg = f"{tag}单元格 {index}：{out.get('ename')}: {out.get('evalue')}"
                if msg not in run.errors and not any(f"{tag}单元格 {index}" in e for e in run.errors):
                    run.errors.append(msg)
            text = out.get("text", "") or ""
            if out.get("output_type") == "error":
                text += " ".join(out.get("traceback", []))
            if GLYPH_PATTERN.search(text):
                run.glyph_problems.append(f"{tag}单元格 {index}：{GLYPH_PATTERN.search(text).group(0)}")
    run.images.append(n_images)
    run.outcomes = outcomes
    run.outcomes_by_run.append(outcomes)
    run.widget_texts = widget_texts
