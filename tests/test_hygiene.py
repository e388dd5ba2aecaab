"""提交的 notebook 不带运行结果与小组件状态，练习本与答案本一致，讲义遵循统一的节奏，导入只有一种写法。"""

import json
from pathlib import Path

import pytest

from ruralfin.practice.build import build_exercises

ROOT = Path(__file__).resolve().parents[1]
ALL = sorted(p for d in ("notebooks", "solutions", "exercises") for p in (ROOT / d).glob("*.ipynb"))


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_outputs_or_widget_state(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in nb.get("metadata", {})
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name} 含有运行结果，请先清除输出再提交"
            assert cell["execution_count"] is None


def test_exercises_match_solutions():
    stale = build_exercises(ROOT, check=True)
    assert stale == [], f"练习本与答案本不一致，请运行 python -m ruralfin build-exercises：{stale}"


#: 讲义的二级标题：开头两个、结尾两个固定（STYLE.md：标题 → 本节目标 → 导入 → 各节 → 小结 → 练习入口）
FIRST_HEADINGS = ["本节目标", "导入"]
LAST_HEADINGS = ["小结", "练习入口"]


def _h2(nb) -> list[str]:
    return [line[3:].strip() for c in nb["cells"] if c["cell_type"] == "markdown"
            for line in "".join(c["source"]).splitlines() if line.startswith("## ")]


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_lesson_rhythm(path):
    """标题 → 本节目标 → 导入 → 各节 → 小结 → 练习入口（STYLE.md）；导入标题下面就是导入单元格。"""
    nb = json.loads(path.read_text(encoding="utf-8"))
    md = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert md[0].lstrip().startswith("# "), "第一个单元格应是标题"
    h2 = _h2(nb)
    assert h2[:2] == FIRST_HEADINGS, f"{path.name} 开头的二级标题应是 {FIRST_HEADINGS}，实际是 {h2[:2]}"
    assert h2[-2:] == LAST_HEADINGS, f"{path.name} 最后的二级标题应是 {LAST_HEADINGS}，实际是 {h2[-2:]}"
    first_code = next(i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code")
    before = _h2({"cells": nb["cells"][:first_code]})
    assert before == FIRST_HEADINGS, f"{path.name} 的第一个代码单元格应紧跟“## 导入”"
    assert "import ruralfin as rf" in "".join(nb["cells"][first_code]["source"]), "第一个代码单元格应是导入"


# ---------------------------------------------------------------- 一种导入写法
#: 每个 notebook 只用一种写法调用课程库：``import ruralfin as rf``，库里的一切都写成 ``rf.``
#: 开头的全名（``rf.economics.raroc``、``rf.segments.group_profile``、``rf.risk.crosscheck.flag_revenue``、
#: ``rf.risk.WoEBinner``）；有自测题的 notebook 另加一行 ``from ruralfin.practice import ____, lessonNN as ex``
#: （练习本和答案本必须有，NN 是本课编号）。两行都在第一个代码单元格里。其他库（numpy、pandas……）照常导入。
RF_IMPORT = "import ruralfin as rf"


def _practice_import(stem: str) -> str:
    return f"from ruralfin.practice import ____, lesson{stem[:2]} as ex"


def import_style_problems(nb, stem: str, *, exercise: bool) -> list[str]:
    """一个 notebook 里不合“一种导入写法”的地方（空列表表示合规）。``exercise``：练习本或答案本。"""
    import ast

    allowed = {RF_IMPORT, _practice_import(stem)}
    required = allowed if exercise else {RF_IMPORT}
    problems, seen = [], []
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    for k, cell in enumerate(code):
        tree = ast.parse("".join(cell["source"]))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            if not any(n == "ruralfin" or n.startswith("ruralfin.") for n in names):
                continue
            text = ast.unparse(node)
            if text not in allowed:
                problems.append(f"第 {k + 1} 个代码单元格：{text}（只写 {' 或 '.join(sorted(allowed))}，其余用 rf.）")
            elif k != 0:
                problems.append(f"第 {k + 1} 个代码单元格：{text} 应放在第一个代码单元格里")
            seen.append(text)
    for line in sorted(allowed):
        if seen.count(line) != (1 if line in required else min(seen.count(line), 1)):
            problems.append(f"{line} 应恰好出现一次（第一个代码单元格），实际 {seen.count(line)} 次")
    return problems


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_one_import_style(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    problems = import_style_problems(nb, path.stem, exercise=path.parent.name in ("solutions", "exercises"))
    assert not problems, f"{path.name}：\n" + "\n".join(problems)


def test_import_style_check_can_fail():
    cell = lambda src: {"cell_type": "code", "source": src}  # noqa: E731
    good = {"cells": [cell("import ruralfin as rf\nfrom ruralfin.practice import ____, lesson11 as ex\nimport pandas as pd")]}
    assert import_style_problems(good, "11_goals", exercise=True) == []
    bad = {"cells": [cell("import ruralfin as rf\nfrom ruralfin import segments as sg"),
                     cell("from ruralfin.risk.metrics import auc\nimport ruralfin as rf")]}
    problems = import_style_problems(bad, "12_segments", exercise=False)
    assert len(problems) == 4 and "segments as sg" in problems[0] and "auc" in problems[1], problems
    assert any("lesson12" in p for p in import_style_problems(bad, "12_segments", exercise=True))


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_lessons_have_slide_metadata(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    kinds = [c.get("metadata", {}).get("slideshow", {}).get("slide_type") for c in nb["cells"]]
    assert kinds.count("slide") >= 3, "讲义应为演示标好幻灯片分页（slideshow.slide_type）"
