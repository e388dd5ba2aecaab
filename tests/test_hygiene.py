"""提交的 notebook 不带运行结果与小组件状态，练习本与答案本一致，讲义遵循统一的节奏，导入只有一种写法；
讲义的显示文字来自标签登记处，学员看到的文字不引用课程作者的事实核查表。"""

import ast
import json
import re
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


# ---------------------------------------------------------------- 显示文字只从标签登记处来
#: 讲义、答案本的代码单元格不写中文的图表标题、坐标轴、图例和表格列名：列用英文名 + ``rf.to_display(df)``
#: （讲义自己搭的表登记在 ``ruralfin/labels/_lessons.py``，``table="lessonNN"``），轴标题用 ``rf.label(列)``，
#: 图表标题和图例用 ``rf.labels.text("lessonNN.键")``。``print()`` 和 f-string 里的说明文字是正文，不算。
_CJK = re.compile(r"[\u4e00-\u9fff]")
#: 参数就是显示文字的画图调用（matplotlib 的 Axes/Figure 方法与 pyplot 同名函数）
_TEXT_CALLS = {"set_title", "set_xlabel", "set_ylabel", "suptitle", "title", "xlabel", "ylabel",
               "set_xticklabels", "set_yticklabels", "legend", "set", "colorbar"}
#: 任何调用里，这些关键字参数的值是显示文字（画图函数的 title=/label=、to_display 的 rename=、Styler 的 subset=）
_TEXT_KEYWORDS = {"title", "label", "labels", "xlabel", "ylabel", "reference_label", "rename", "subset"}
#: 这些调用的参数会变成表格的列名、行名或轴名
_FRAME_CALLS = {"to_frame", "rename", "rename_axis", "set_axis", "DataFrame", "Series", "assign"}


def _chinese_literal(node) -> bool:
    """字面量（字符串、f-string，或由它们组成的列表、元组、字典、推导式）里有中文。"""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(_CJK.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and _CJK.search(str(v.value)) for v in node.values)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return any(_chinese_literal(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return any(_chinese_literal(n) for n in [*node.keys, *node.values] if n is not None)
    if isinstance(node, ast.DictComp):
        return _chinese_literal(node.key) or _chinese_literal(node.value)
    if isinstance(node, (ast.ListComp, ast.GeneratorExp)):
        return _chinese_literal(node.elt)
    return False


def display_literals(source: str) -> list[str]:
    """一个代码单元格里写死的中文显示文字（空列表表示合规），每项是“类别：代码片段”。"""
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Dict, ast.DictComp)):
            keys = node.keys if isinstance(node, ast.Dict) else [node.key]
            if any(k is not None and _chinese_literal(k) for k in keys):
                found.append(f"中文字典键（会变成列名或行名）：{ast.unparse(node)[:80]}")
            continue
        if not isinstance(node, ast.Call):
            continue
        name = ast.unparse(node.func).split(".")[-1]
        if name == "print":
            continue
        values = [*node.args, *(k.value for k in node.keywords)]
        if name in _TEXT_CALLS and any(_chinese_literal(v) for v in values):
            found.append(f"图表文字：{ast.unparse(node)[:80]}")
        elif name in _FRAME_CALLS and (
                any(_chinese_literal(a) for a in node.args if not isinstance(a, (ast.Dict, ast.DictComp)))
                or any(k.arg and _CJK.search(k.arg) for k in node.keywords)
                or any(k.arg in ("columns", "index", "name") and _chinese_literal(k.value) for k in node.keywords)):
            found.append(f"中文列名：{ast.unparse(node)[:80]}")
        elif any(k.arg in _TEXT_KEYWORDS and _chinese_literal(k.value) for k in node.keywords):
            found.append(f"图表文字：{ast.unparse(node)[:80]}")
    return found


LESSONS_AND_SOLUTIONS = sorted(p for d in ("notebooks", "solutions") for p in (ROOT / d).glob("*.ipynb"))


@pytest.mark.parametrize("path", LESSONS_AND_SOLUTIONS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_notebook_display_text_comes_from_the_registry(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    problems = [f"第 {i} 个单元格 {hit}" for i, cell in enumerate(nb["cells"]) if cell["cell_type"] == "code"
                for hit in display_literals("".join(cell["source"]))]
    assert not problems, (f"{path.name} 的代码里写死了中文显示文字，请登记到 ruralfin/labels/（讲义专用的放 _lessons.py）"
                          "再用 rf.label / rf.to_display / rf.labels.text 取：\n" + "\n".join(problems))


def test_display_text_check_can_fail():
    bad = (
        'ax.set_title("我行不良率")\n'
        'ax.set_xlabel(f"余额（{unit}）")\n'
        'ax.legend(labels=["按余额", "按笔数"])\n'
        'ax.plot(x, y, label="预期")\n'
        'rf.risk.vintage.plot_vintage(v, title="累计逾期率")\n'
        'pd.DataFrame({"年末": years})\n'
        's.to_frame("亮灯比例")\n'
        'df.rename(columns={"loans": "贷款笔数"})\n'
        'df.assign(合计=1)\n'
        'pd.DataFrame({f"情景 {r}": f(r) for r in rates})\n'
        'rf.to_display(df, rename={"a": "甲"})\n'
    )
    assert len(display_literals(bad)) == 11, display_literals(bad)
    good = (
        'ax.set_title(rf.labels.text("lesson44.npl_title"))\n'
        'ax.set_xlabel(rf.label("n_entities"))\n'
        'print(f"逾期案件 {n} 件")\n'
        'rf.to_display(pd.DataFrame({"year_end": years}), table="lesson11")\n'
        'hand = pd.DataFrame({"loan_id": ["甲-1", "乙-1"]})\n'
        '%matplotlib inline\n'
    )
    assert display_literals(good) == []


# ---------------------------------------------------------------- 不引用学员手里没有的核查表
#: 课程作者用的事实核查表（FACTS.md、FACTS-ADDENDUM.md、COMPLIANCE.md）不在仓库里：学员看到的文字
#: 直接写原始文件（题名、发文机关、文号、日期），或写明“未核实”“只见于二手来源”及其出处。
_FACT_SHEET = re.compile(r"\bFACTS")  # \b：ARTIFACTS 之类的词不算
_SHIPPED_TEXT = (".py", ".ipynb", ".md", ".csv", ".json", ".txt", ".toml", ".cfg", ".yml", ".yaml")


def _shipped_text_files():
    for d in ("notebooks", "solutions", "exercises", "ruralfin"):
        for p in sorted((ROOT / d).rglob("*")):
            parts = set(p.relative_to(ROOT).parts)
            if p.is_file() and p.suffix in _SHIPPED_TEXT and not parts & {"__pycache__", "backups", ".ipynb_checkpoints"}:
                yield p
    yield ROOT / "data" / "README.md"


def fact_sheet_citations(text: str) -> list[str]:
    return [text[max(0, m.start() - 30):m.end() + 20].replace("\n", " ") for m in _FACT_SHEET.finditer(text)]


def test_no_learner_facing_text_cites_the_fact_sheets():
    hits = [f"{p.relative_to(ROOT).as_posix()}：…{c}…" for p in _shipped_text_files()
            for c in fact_sheet_citations(p.read_text(encoding="utf-8"))]
    assert not hits, "学员拿不到 FACTS 核查表，请改成原始文件或写明未核实/二手来源：\n" + "\n".join(hits)


def test_fact_sheet_check_can_fail():
    assert fact_sheet_citations("五级分类（见 FACTS 核查表 §1.3）") and fact_sheet_citations("见 FACTS.md §6")
    assert fact_sheet_citations("FACTS-ADDENDUM.md D.3")
    assert fact_sheet_citations("截图存到 $RURALFIN_ARTIFACTS/browser/") == []
