"""由答案本生成练习本，以及给学员一份干净的练习本（旧的先备份）。

``solutions/*.ipynb`` 是唯一的源：答案写在标记之间::

    ### BEGIN SOLUTION
    rate = ftp + opex + el
    ### END SOLUTION

生成 ``exercises/*.ipynb`` 时，标记之间的代码换成占位（``rate = ____``）和一句中文提示；
带 ``solution`` 标签的整个单元格同样处理，带 ``solution-only`` 标签的单元格被删去。
输出不含运行结果和小组件状态，内容确定（同样的答案本总是生成同样的文件）。
"""

from __future__ import annotations

import ast
import datetime as _dt
import os
import re
import shutil
from pathlib import Path

from ..errors import RuralfinValueError

__all__ = [
    "BEGIN",
    "END",
    "PROMPT",
    "exercise_source",
    "build_exercise",
    "build_exercises",
    "course_root",
    "reset_exercise",
]

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
PROMPT = "# 请在下面作答：把 ____ 换成你的答案，再运行本单元"
_REGION = re.compile(r"^([ \t]*)### BEGIN SOLUTION[^\n]*\n(.*?)^[ \t]*### END SOLUTION[^\n]*(\n|$)", re.S | re.M)


def _placeholder(code: str, indent: str = "") -> str:
    """答案代码 -> 占位代码：每个被赋值的名字写成 ``名字 = ____``。"""
    import textwrap

    names: list[str] = []
    try:
        tree = ast.parse(textwrap.dedent(code))
    except SyntaxError:
        tree = None
    if tree is not None:
        for node in tree.body:
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
                targets = [node.target]
            for t in targets:
                elts = t.elts if isinstance(t, ast.Tuple) else [t]
                for e in elts:
                    if isinstance(e, ast.Name) and e.id not in names:
                        names.append(e.id)
    lines = [f"{indent}{PROMPT}"]
    lines += [f"{indent}{n} = ____" for n in names] or [f"{indent}____"]
    return "\n".join(lines)


def exercise_source(source: str) -> str:
    """把一个代码单元格里的答案区换成占位。

    Examples
    --------
    >>> src = "x = 1\\n### BEGIN SOLUTION\\nrate = 0.02 * 0.5\\n### END SOLUTION\\nex.q1.check(rate)"
    >>> print(exercise_source(src))
    x = 1
    # 请在下面作答：把 ____ 换成你的答案，再运行本单元
    rate = ____
    ex.q1.check(rate)
    """
    if BEGIN in source and END not in source:
        raise RuralfinValueError(f"答案区缺少结束标记 {END!r}：\n{source[:200]}")

    def repl(m: re.Match) -> str:
        return _placeholder(m.group(2), m.group(1)) + m.group(3)

    return _REGION.sub(repl, source)


def build_exercise(solution_nb):
    """由一个答案本（nbformat 对象）生成练习本（新对象），不改动输入。"""
    import copy

    import nbformat

    nb = copy.deepcopy(solution_nb)
    cells = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if "solution-only" in tags:
            continue
        if cell.cell_type == "code":
            if "solution" in tags:
                cell.source = _placeholder(cell.source)
                cell.metadata["tags"] = [t for t in cell.metadata["tags"] if t != "solution"]
                if not cell.metadata["tags"]:
                    del cell.metadata["tags"]
            else:
                cell.source = exercise_source(cell.source)
            cell.outputs = []
            cell.execution_count = None
        elif cell.cell_type == "markdown" and "solution" in tags:
            cell.source = "**你的答案：**（双击这里写下你的分析）"
            cell.metadata["tags"] = [t for t in cell.metadata["tags"] if t != "solution"] or None
            if cell.metadata["tags"] is None:
                del cell.metadata["tags"]
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)
    nb.metadata["ruralfin"] = {"generated_from": "solutions", "note": "本文件由答案本自动生成，请勿手工修改源文件"}
    nbformat.validate(nb)
    return nb


def _write_notebook(nb, path: Path) -> None:
    import nbformat

    text = nbformat.writes(nb, version=4)
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text, encoding="utf-8")


def course_root(start: str | os.PathLike | None = None) -> Path:
    """找到课程根目录（同时含 ``solutions/`` 和 ``exercises/`` 的目录）。

    依次看：环境变量 ``RURALFIN_COURSE_DIR``、从 ``start``（默认当前目录）往上各级、
    本库所在仓库（可编辑安装时）。
    """
    candidates: list[Path] = []
    if os.environ.get("RURALFIN_COURSE_DIR"):
        candidates.append(Path(os.environ["RURALFIN_COURSE_DIR"]))
    here = Path(start or Path.cwd()).resolve()
    candidates += [here, *here.parents]
    candidates.append(Path(__file__).resolve().parents[2])
    for c in candidates:
        if (c / "solutions").is_dir() and (c / "exercises").is_dir():
            return c
    raise RuralfinValueError(
        "找不到课程目录（应同时含有 solutions/ 和 exercises/ 两个文件夹）。"
        "请在课程文件夹里运行，或设置环境变量 RURALFIN_COURSE_DIR 指向它。"
    )


def build_exercises(root: str | os.PathLike | None = None, *, check: bool = False) -> list[Path]:
    """由 ``solutions/*.ipynb`` 生成 ``exercises/*.ipynb``。

    ``check=True`` 时不写文件，只返回与生成结果不一致（或缺失、多余）的练习本路径。
    """
    import nbformat

    root = course_root(root)
    sol_dir, ex_dir = root / "solutions", root / "exercises"
    differing: list[Path] = []
    expected_names = set()
    for sol in sorted(sol_dir.glob("*.ipynb")):
        expected_names.add(sol.name)
        nb = build_exercise(nbformat.read(sol, as_version=4))
        text = nbformat.writes(nb, version=4)
        text = text if text.endswith("\n") else text + "\n"
        target = ex_dir / sol.name
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != text:
            differing.append(target)
            if not check:
                target.write_text(text, encoding="utf-8")
    if check:
        differing += [p for p in sorted(ex_dir.glob("*.ipynb")) if p.name not in expected_names]
    return differing


def _find_exercise(name: str, root: Path) -> str:
    sols = sorted(p.name for p in (root / "solutions").glob("*.ipynb"))
    stem = Path(str(name)).name
    if stem in sols:
        return stem
    matches = [s for s in sols if s.startswith(f"{stem}_") or s == f"{stem}.ipynb" or s.startswith(stem)]
    if len(matches) == 1:
        return matches[0]
    listing = "、".join(sols) or "（没有）"
    if not matches:
        raise RuralfinValueError(f"没有名为 {name!r} 的练习；现有练习：{listing}")
    raise RuralfinValueError(f"{name!r} 对应多个练习：{'、'.join(matches)}，请写完整文件名")


def reset_exercise(name: str, *, root: str | os.PathLike | None = None, now: _dt.datetime | None = None) -> Path | None:
    """给学员一份干净的练习本；原来的（含学员的作答）先备份，绝不覆盖。

    Parameters
    ----------
    name : str
        练习编号或文件名，如 ``"11"`` 或 ``"11_goals.ipynb"``。
    root : path, optional
        课程根目录；默认自动查找。

    Returns
    -------
    Path or None
        备份文件的路径；原来没有这份练习本时为 None。

    备份放在 ``exercises/backups/原名-年月日-时分秒.ipynb``；同一秒重复重置时加序号。
    """
    import nbformat

    root = course_root(root)
    fname = _find_exercise(name, root)
    target = root / "exercises" / fname
    backup = None
    if target.exists():
        stamp = (now or _dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        bdir = root / "exercises" / "backups"
        bdir.mkdir(parents=True, exist_ok=True)
        backup = bdir / f"{target.stem}-{stamp}.ipynb"
        k = 1
        while backup.exists():
            backup = bdir / f"{target.stem}-{stamp}-{k}.ipynb"
            k += 1
        shutil.copy2(target, backup)
    nb = build_exercise(nbformat.read(root / "solutions" / fname, as_version=4))
    tmp = target.with_suffix(".tmp")
    _write_notebook(nb, tmp)
    os.replace(tmp, target)
    return backup
