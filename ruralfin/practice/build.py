"""由答案本生成练习本，以及给学员一份干净的练习本（旧的先备份）。

``solutions/*.ipynb`` 是唯一的源：答案写在标记之间，开始标记写明是哪一题::

    ### BEGIN SOLUTION q2
    rate = ftp + opex + el
    ### END SOLUTION
    ex.q2.check(rate)

生成 ``exercises/*.ipynb`` 时，标记之间的代码换成占位（``rate = ____``）和一句中文提示；
带 ``solution`` 标签的整个单元格同样处理，带 ``solution-only`` 标签的单元格被删去。
各题答案区的原文写进练习本的元数据（``metadata.ruralfin.solutions``），``ex.q2.solution()``
从那里读出参考答案——题目模块里不再另写一份。
输出不含运行结果和小组件状态，内容确定（同样的答案本总是生成同样的文件）。
"""

from __future__ import annotations

import ast
import datetime as _dt
import os
import re
import shutil
from pathlib import Path

from ..errors import RuralfinTypeError, RuralfinValueError

__all__ = [
    "BEGIN",
    "END",
    "PROMPT",
    "exercise_source",
    "build_exercise",
    "build_exercises",
    "course_root",
    "reset_exercise",
    "solution_regions",
    "find_solution",
]

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
PROMPT = "# 请在下面作答：把 ____ 换成你的答案，再运行本单元"
_REGION = re.compile(r"^([ \t]*)### BEGIN SOLUTION([^\n]*)\n(.*?)^[ \t]*### END SOLUTION[^\n]*(\n|$)", re.S | re.M)
#: 开始标记后的题号：``q1``、``q2``……（与题目模块 ``lessonNN`` 里的变量名相同）
QUESTION_KEY = re.compile(r"q\d+")


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
    if not isinstance(source, str):
        raise RuralfinTypeError(f"参数 source 应为代码单元格的文字（str），实际是 {type(source).__name__}")
    if BEGIN in source and END not in source:
        raise RuralfinValueError(f"答案区缺少结束标记 {END!r}：\n{source[:200]}")

    def repl(m: re.Match) -> str:
        return _placeholder(m.group(3), m.group(1)) + m.group(4)

    return _REGION.sub(repl, source)


def solution_regions(solution_nb) -> dict[str, str]:
    """答案本里各题的答案区原文：``{"q1": "npl = ...", ...}``（去掉标记与缩进）。

    每个答案区的开始标记都要写明题号（``### BEGIN SOLUTION q1``），一题只能有一个答案区，
    否则报错——这样每道题的参考答案只有一个出处。

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook()
    >>> nb.cells = [nbformat.v4.new_code_cell("### BEGIN SOLUTION q1\\nx = 1  # 说明\\n### END SOLUTION\\nex.q1.check(x)")]
    >>> solution_regions(nb)
    {'q1': 'x = 1  # 说明'}
    """
    import textwrap

    from nbformat import NotebookNode

    from .._validation import check_instance

    check_instance(solution_nb, NotebookNode, "solution_nb")
    regions: dict[str, str] = {}
    for cell in solution_nb.cells:
        if cell.cell_type != "code" or "solution-only" in cell.get("metadata", {}).get("tags", []):
            continue
        if BEGIN in cell.source and END not in cell.source:
            raise RuralfinValueError(f"答案区缺少结束标记 {END!r}：\n{cell.source[:200]}")
        for m in _REGION.finditer(cell.source):
            key = m.group(2).strip()
            if not QUESTION_KEY.fullmatch(key):
                raise RuralfinValueError(
                    f"答案区的开始标记要写明题号，如 {BEGIN + ' q1'!r}；这里写的是 {m.group(0).splitlines()[0].strip()!r}")
            if key in regions:
                raise RuralfinValueError(f"{key} 有两个答案区：一题只能有一个（{BEGIN} {key}）")
            regions[key] = textwrap.dedent(m.group(3)).strip("\n")
    return regions


def find_solution(notebook: str, key: str, root: str | os.PathLike | None = None) -> str:
    """第 ``key`` 题（如 ``"q1"``）的参考答案：读练习本 ``exercises/<notebook>.ipynb`` 的元数据。

    练习本里没有（比如是旧版生成的）就直接读答案本 ``solutions/<notebook>.ipynb`` 的答案区。
    找不到课程文件夹（只装了库）时报错，报错信息用中文说明答案在哪里。

    Examples
    --------
    >>> import tempfile, pathlib, nbformat
    >>> root = pathlib.Path(tempfile.mkdtemp())  # 一个只有一课的小课程文件夹
    >>> for d in ("solutions", "exercises"):
    ...     (root / d).mkdir()
    >>> nb = nbformat.v4.new_notebook()
    >>> nb.cells = [nbformat.v4.new_code_cell("### BEGIN SOLUTION q1\\nx = 1\\n### END SOLUTION\\nex.q1.check(x)")]
    >>> nbformat.write(nb, root / "solutions" / "11_goals.ipynb")
    >>> find_solution("11_goals", "q1", root=root)
    'x = 1'
    """
    import json

    import nbformat

    where = f"课程的答案本 solutions/{notebook}.ipynb 里标着“{BEGIN} {key}”的单元格"
    try:
        root = course_root(root)
    except RuralfinValueError as exc:
        reason = f"（{exc}）" if os.environ.get("RURALFIN_COURSE_DIR") else "（只装了 ruralfin 库时就是这样）"
        raise RuralfinValueError(
            f"没有找到课程文件夹{reason}。参考答案在{where}：在课程文件夹里打开练习本，"
            f"或把环境变量 RURALFIN_COURSE_DIR 设为课程文件夹，再运行 ex.{key}.solution()。") from None
    exercise = root / "exercises" / f"{notebook}.ipynb"
    try:
        meta = json.loads(exercise.read_text(encoding="utf-8")).get("metadata", {}).get("ruralfin", {})
    except (OSError, ValueError, AttributeError):  # 没有练习本，或学员把它改坏了
        meta = {}
    if isinstance(meta, dict) and key in (meta.get("solutions") or {}):
        return meta["solutions"][key]
    solution = root / "solutions" / f"{notebook}.ipynb"
    if solution.exists():
        regions = solution_regions(nbformat.read(solution, as_version=4))
        if key in regions:
            return regions[key]
    raise RuralfinValueError(f"没有找到 {key} 的参考答案：它应在{where}（课程目录 {root}）。")


def build_exercise(solution_nb):
    """由一个答案本（nbformat 对象）生成练习本（新对象），不改动输入。

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook()
    >>> nb.cells = [nbformat.v4.new_code_cell("### BEGIN SOLUTION q1\\nx = 1\\n### END SOLUTION\\nex.q1.check(x)")]
    >>> print(build_exercise(nb).cells[0].source)
    # 请在下面作答：把 ____ 换成你的答案，再运行本单元
    x = ____
    ex.q1.check(x)
    >>> nb.cells[0].source.startswith("### BEGIN SOLUTION")  # 答案本不变
    True
    """
    import copy

    import nbformat

    from .._validation import check_instance

    check_instance(solution_nb, nbformat.NotebookNode, "solution_nb")
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
    nb.metadata["ruralfin"] = {"generated_from": "solutions", "note": "本文件由答案本自动生成，请勿手工修改源文件",
                               "solutions": solution_regions(solution_nb)}
    nbformat.validate(nb)
    return nb


def _is_course(path: Path) -> bool:
    return (path / "solutions").is_dir() and (path / "exercises").is_dir()


def course_root(start: str | os.PathLike | None = None) -> Path:
    """找到课程根目录（同时含 ``solutions/`` 和 ``exercises/`` 的目录）。

    明确传入 ``start`` 时，它本身必须是课程目录，否则报错——
    不会悄悄改用环境变量或本库所在的课程目录。没有传入时依次看：环境变量
    ``RURALFIN_COURSE_DIR``、当前目录及其各级上级、本库所在仓库（可编辑安装时）。

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> for d in ("solutions", "exercises"):
    ...     (root / d).mkdir()
    >>> course_root(root) == root.resolve()
    True
    >>> course_root(root / "solutions")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: ... 不是课程目录（课程目录应同时含有 solutions/ 和 exercises/ 两个文件夹），请检查 root 参数。
    """
    if start is not None:
        if not isinstance(start, (str, os.PathLike)):
            raise RuralfinTypeError(f"root 应为课程文件夹的路径，实际是 {type(start).__name__}")
        here = Path(start).expanduser().resolve()
        if _is_course(here):
            return here
        raise RuralfinValueError(
            f"{here} 不是课程目录（课程目录应同时含有 solutions/ 和 exercises/ 两个文件夹），"
            "请检查 root 参数。"
        )
    candidates: list[Path] = []
    if os.environ.get("RURALFIN_COURSE_DIR"):
        env = Path(os.environ["RURALFIN_COURSE_DIR"]).expanduser()
        if not _is_course(env):
            raise RuralfinValueError(
                f"环境变量 RURALFIN_COURSE_DIR 指向的 {env} 不是课程目录"
                "（应同时含有 solutions/ 和 exercises/），请改正或删除这个环境变量。"
            )
        candidates.append(env)
    here = Path.cwd().resolve()
    candidates += [here, *here.parents]
    candidates.append(Path(__file__).resolve().parents[2])
    for c in candidates:
        if _is_course(c):
            return c.resolve()
    raise RuralfinValueError(
        "找不到课程目录（应同时含有 solutions/ 和 exercises/ 两个文件夹）。"
        "请在课程文件夹里运行，或设置环境变量 RURALFIN_COURSE_DIR 指向它。"
    )


#: 学员重置练习时新建的干净练习本：``11_goals-clean1.ipynb``、``11_goals-clean2.ipynb``……
CLEAN_COPY = re.compile(r"^(?P<stem>.+)-clean(?P<n>\d+)\.ipynb$")


def _backup(path: Path, now: _dt.datetime | None = None) -> Path:
    """把 ``path`` 复制到同级 ``backups/原名-年月日-时分秒[-序号].ipynb``，返回备份路径；绝不覆盖已有备份。"""
    stamp = (now or _dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    bdir = path.parent / "backups"
    bdir.mkdir(parents=True, exist_ok=True)
    k = 0
    while True:
        backup = bdir / (f"{path.stem}-{stamp}.ipynb" if k == 0 else f"{path.stem}-{stamp}-{k}.ipynb")
        try:
            with open(backup, "xb") as fh:  # 独占创建：两个进程同时备份也不会互相覆盖
                fh.write(path.read_bytes())
        except FileExistsError:
            k += 1
            continue
        shutil.copystat(path, backup)
        return backup


def _notebook_text(nb) -> str:
    import nbformat

    text = nbformat.writes(nb, version=4)
    return text if text.endswith("\n") else text + "\n"


def _replace_atomically(path: Path, text: str) -> None:
    """先写到同一文件夹里一个不会与任何文件重名的临时文件，再原子替换。"""
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def build_exercises(root: str | os.PathLike | None = None, *, check: bool = False) -> list[Path]:
    """由 ``solutions/*.ipynb`` 生成 ``exercises/*.ipynb``。

    ``check=True`` 时不写文件，只返回与生成结果不一致（或缺失、多余）的练习本路径；
    学员重置时新建的 ``*-clean<N>.ipynb`` 不算多余。写文件时，与生成结果不同的已有练习本
    （可能有学员的作答）先备份到 ``exercises/backups/``，再换成新生成的。

    Examples
    --------
    >>> import tempfile, pathlib, nbformat
    >>> root = pathlib.Path(tempfile.mkdtemp())  # 一个只有一课的小课程文件夹
    >>> for d in ("solutions", "exercises"):
    ...     (root / d).mkdir()
    >>> nb = nbformat.v4.new_notebook()
    >>> nb.cells = [nbformat.v4.new_code_cell("### BEGIN SOLUTION q1\\nx = 1\\n### END SOLUTION\\nex.q1.check(x)")]
    >>> nbformat.write(nb, root / "solutions" / "11_goals.ipynb")
    >>> [p.name for p in build_exercises(root)]
    ['11_goals.ipynb']
    >>> build_exercises(root, check=True)  # 已是最新：没有不一致的
    []
    """
    import nbformat

    root = course_root(root)
    sol_dir, ex_dir = root / "solutions", root / "exercises"
    differing: list[Path] = []
    expected_names = set()
    for sol in sorted(sol_dir.glob("*.ipynb")):
        expected_names.add(sol.name)
        text = _notebook_text(build_exercise(nbformat.read(sol, as_version=4)))
        target = ex_dir / sol.name
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != text:
            differing.append(target)
            if not check:
                if current is not None:
                    _backup(target)
                _replace_atomically(target, text)
    if check:
        stems = {Path(n).stem for n in expected_names}
        differing += [p for p in sorted(ex_dir.glob("*.ipynb")) if p.name not in expected_names
                      and not ((m := CLEAN_COPY.match(p.name)) and m.group("stem") in stems)]
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


def reset_exercise(name: str, *, root: str | os.PathLike | None = None, replace: bool = False,
                   now: _dt.datetime | None = None) -> Path:
    """给学员一份干净的练习本，学员原来的作答一个字也不丢。

    默认**不动**原来的练习本（它可能正开着：JupyterLab 下次保存或自动保存时会把旧内容写回去，
    重置就白做了），而是在旁边新建一份干净的 ``exercises/11_goals-clean1.ipynb``
    （已有就是 ``-clean2``……），在 notebook 里显示一个链接，点开即可重新作答。

    ``replace=True``（讲师在课前整理教室电脑时用，练习本须已关闭）：先把原来的备份到
    ``exercises/backups/原名-年月日-时分秒.ipynb``，再原地换成干净的。

    Parameters
    ----------
    name : str
        练习编号或文件名，如 ``"11"`` 或 ``"11_goals.ipynb"``。
    root : path, optional
        课程根目录；默认自动查找。传了就必须是课程目录。
    replace : bool, default False
        是否原地替换（先备份）。

    Returns
    -------
    Path
        干净练习本的路径（默认是新建的那份；``replace=True`` 时是原来的文件名）。
        在 notebook 里它显示成可点击的链接和一句说明。

    Examples
    --------
    >>> import tempfile, pathlib, nbformat
    >>> root = pathlib.Path(tempfile.mkdtemp())  # 一个只有一课的小课程文件夹
    >>> for d in ("solutions", "exercises"):
    ...     (root / d).mkdir()
    >>> nb = nbformat.v4.new_notebook()
    >>> nb.cells = [nbformat.v4.new_code_cell("### BEGIN SOLUTION q1\\nx = 1\\n### END SOLUTION\\nex.q1.check(x)")]
    >>> nbformat.write(nb, root / "solutions" / "11_goals.ipynb")
    >>> reset_exercise("11", root=root).name  # 还没有练习本：生成一份
    '11_goals.ipynb'
    >>> reset_exercise("11", root=root).name  # 已有（可能有作答）：原来的不动，旁边新建一份
    '11_goals-clean1.ipynb'
    """
    import nbformat

    if not isinstance(replace, bool):
        raise RuralfinTypeError(f"replace 应为 True 或 False，实际是 {replace!r}")
    root = course_root(root)
    fname = _find_exercise(name, root)
    text = _notebook_text(build_exercise(nbformat.read(root / "solutions" / fname, as_version=4)))
    target = root / "exercises" / fname
    if replace or not target.exists():
        backup = _backup(target, now) if target.exists() else None
        _replace_atomically(target, text)
        return _announce(target, original=None, backup=backup)
    k = 1
    while True:
        fresh = target.with_name(f"{target.stem}-clean{k}.ipynb")
        try:
            with open(fresh, "x", encoding="utf-8", newline="\n") as fh:  # 独占创建，绝不覆盖
                fh.write(text)
        except FileExistsError:
            k += 1
            continue
        return _announce(fresh, original=target, backup=None)


class ExercisePath(type(Path())):
    """:func:`reset_exercise` 返回的路径：在 notebook 里显示成可点击的链接和一句说明，而不是 ``PosixPath('…')``。"""

    def _ipython_display_(self) -> None:
        from IPython.display import Markdown, display

        display(Markdown(getattr(self, "_note", None) or f"[{self.name}]({_rel(self)})"))


def _rel(path: Path) -> str:
    """相对于当前目录（JupyterLab 里就是 notebook 所在文件夹）的路径，链接才点得开。"""
    return Path(os.path.relpath(path, Path.cwd())).as_posix()


def _announce(path: Path, *, original: Path | None, backup: Path | None) -> "ExercisePath":
    """包装返回值：在 notebook 里显示时给出链接（命令行里由 CLI 自己打印）。"""
    out = ExercisePath(path)
    if original is not None:
        out._note = (f"已新建一份干净的练习本：**[{path.name}]({_rel(path)})**（点击打开，重新作答）。\n\n"
                     f"原来的 `{original.name}` 没有任何改动，你的作答都还在。")
    else:
        out._note = f"已换上一份干净的练习本：**[{path.name}]({_rel(path)})**。"
        if backup is not None:
            out._note += f"原来的已备份到 `{_rel(backup)}`。"
    return out
