"""每个 notebook 从头到尾执行两遍（同一个内核，像学员按两次 Run All）：讲义不报错、
答案本全部“正确”、练习本全部“未作答”，图中无缺字，第二遍的图一张不少。"""

from pathlib import Path

import nbformat
import pytest

from ruralfin._notebooks import count_checks, execute_notebook

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(
    p.relative_to(ROOT).as_posix() for d in ("notebooks", "solutions", "exercises") for p in (ROOT / d).glob("*.ipynb")
)


def test_there_are_notebooks():
    assert any(n.startswith("notebooks/00_") for n in NOTEBOOKS)


@pytest.mark.notebook
@pytest.mark.parametrize("rel", NOTEBOOKS)
def test_notebook_executes(rel):
    path = ROOT / rel
    run = execute_notebook(path, runs=2)
    assert not run.errors, "\n".join(run.errors)
    assert not run.glyph_problems, "图中有缺字（方框）：\n" + "\n".join(run.glyph_problems)
    assert len(run.images) == 2
    assert run.images[1] == run.images[0], f"第二遍运行后图片数从 {run.images[0]} 变成 {run.images[1]}"
    assert run.outcomes_by_run[0] == run.outcomes_by_run[1]
    outcomes = [o for _, o in run.outcomes]
    n_checks = count_checks(nbformat.read(path, as_version=4))
    if rel.startswith("solutions/"):
        assert n_checks > 0
        assert outcomes == ["correct"] * n_checks, run.outcomes
    elif rel.startswith("exercises/"):
        assert n_checks > 0
        assert outcomes == ["unanswered"] * n_checks, run.outcomes
    else:
        # 讲义中的演示题可以未作答，但不能出现“有误”
        assert "wrong" not in outcomes, run.outcomes
        assert len(outcomes) == n_checks


@pytest.mark.notebook
def test_harness_catches_missing_glyph(tmp_path):
    """检查本身能失败：一张用不含中文的字体画中文标题的图必须被发现。"""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import matplotlib.pyplot as plt\n"
            "plt.rcParams['font.family'] = ['DejaVu Sans']\n"
            "fig, ax = plt.subplots(); ax.set_title('不良率'); fig.canvas.draw()"
        )
    ]
    path = tmp_path / "bad.ipynb"
    nbformat.write(nb, path)
    run = execute_notebook(path)
    assert run.errors or run.glyph_problems


@pytest.mark.notebook
def test_harness_records_wrong_answers(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "from ruralfin.practice import NumberQuestion, ____\n"
            "q = NumberQuestion('第 1 题', 2.0)\nq.check(3.0)\nq.check(____)\nq.check(2.0)"
        )
    ]
    path = tmp_path / "q.ipynb"
    nbformat.write(nb, path)
    run = execute_notebook(path)
    assert [o for _, o in run.outcomes] == ["wrong", "unanswered", "correct"]


@pytest.mark.notebook
def test_harness_catches_errors_inside_widgets(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import ipywidgets as w\n@w.interact(x=w.IntSlider(value=1, min=0, max=3))\ndef f(x):\n    1 / 0")]
    path = tmp_path / "widget.ipynb"
    nbformat.write(nb, path)
    run = execute_notebook(path)
    assert any("ZeroDivisionError" in e for e in run.errors), run.errors


@pytest.mark.notebook
def test_harness_catches_charts_vanishing_on_second_run(tmp_path):
    """检查本身能失败：第二遍运行时把 rcParams 整体重置（旧版 set_theme 的做法），inline 图就不再显示。"""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import matplotlib as mpl\nmpl.rcParams.update(mpl.rcParamsDefault)"),
        nbformat.v4.new_code_cell("import matplotlib.pyplot as plt\nfig, ax = plt.subplots(); ax.plot([1, 2])"),
    ]
    path = tmp_path / "vanish.ipynb"
    nbformat.write(nb, path)
    run = execute_notebook(path, runs=2)
    assert run.images[0] == 1
    assert run.images[1] < run.images[0]


@pytest.mark.notebook
def test_harness_reads_widget_text(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import ipywidgets as w\n@w.interact(x=w.IntSlider(value=2, min=0, max=3))\ndef f(x):\n    print(f'读数 {x * 10}%')")]
    path = tmp_path / "widget_text.ipynb"
    nbformat.write(nb, path)
    run = execute_notebook(path)
    assert any("读数 20%" in t for t in run.widget_texts), run.widget_texts
