"""提交的 notebook 不带运行结果与小组件状态，练习本与答案本一致，讲义遵循统一的节奏。"""

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


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_lesson_rhythm(path):
    """标题 → 本节目标 → 导入 → 各节 → 小结（STYLE.md）。"""
    nb = json.loads(path.read_text(encoding="utf-8"))
    md = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert md[0].lstrip().startswith("# "), "第一个单元格应是标题"
    text = "\n".join(md)
    positions = [text.find(k) for k in ("本节目标", "小结")]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), path.name
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert "import ruralfin as rf" in "".join(code[0]["source"]), "第一个代码单元格应是导入"


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_lessons_have_slide_metadata(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    kinds = [c.get("metadata", {}).get("slideshow", {}).get("slide_type") for c in nb["cells"]]
    assert kinds.count("slide") >= 3, "讲义应为演示标好幻灯片分页（slideshow.slide_type）"
