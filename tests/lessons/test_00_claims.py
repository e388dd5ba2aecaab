"""第 00 课的读数与文字：小组件显示的保本利率、正文里引用的数字，都要与库算出的一致。"""

import re
from pathlib import Path

import nbformat
import pytest

from ruralfin._notebooks import execute_notebook
from ruralfin.economics import break_even_rate

LESSON = Path(__file__).resolve().parents[2] / "notebooks" / "00_overview.ipynb"


def _markdown() -> str:
    nb = nbformat.read(LESSON, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


@pytest.fixture(scope="module")
def lesson_run():
    return execute_notebook(LESSON)


@pytest.mark.notebook
def test_break_even_widget_reads_in_percent(lesson_run):
    """滑块初始位置（PD 2%、LGD 50%）的读数就是库算出的百分数，不是再乘一次 100 的 514.50%。"""
    expected = break_even_rate(prob_default=0.02, lgd=0.5)
    readouts = [t for t in lesson_run.widget_texts if "保本利率" in t]
    assert readouts, lesson_run.widget_texts
    shown = float(re.search(r"保本利率 ≈ ([\d.]+)%", readouts[0]).group(1))
    assert shown == pytest.approx(expected, abs=0.005)
    assert 3 < shown < 10


def test_prose_matches_break_even_numbers():
    text = _markdown()
    quoted = float(re.search(r"保本利率约 ([\d.]+)%", text).group(1))
    assert quoted == pytest.approx(break_even_rate(prob_default=0.02, lgd=0.5), abs=0.005)
    # “违约概率每多 1 个百分点，保本利率约多 0.5 个百分点”（LGD 50% 时）
    step = float(re.search(r"违约概率每多 1 个百分点，保本利率约多 ([\d.]+) 个百分点", text).group(1))
    slope = break_even_rate(prob_default=0.03, lgd=0.5) - break_even_rate(prob_default=0.02, lgd=0.5)
    assert step == pytest.approx(slope, abs=0.05)
