import ipywidgets as widgets
import matplotlib.pyplot as plt
import pytest

from ruralfin.errors import RuralfinTypeError, RuralfinValueError
from ruralfin.widgets import figure_png, interactive_figure


def test_redraws_on_every_change_and_closes_figures():
    calls = []

    def draw(a, b):
        calls.append((a, b))
        fig, ax = plt.subplots()
        ax.bar(["A"], [a * b])
        return ax, f"乘积 {a * b}"

    a = widgets.IntSlider(value=2, min=0, max=9)
    b = widgets.Dropdown(options=[1, 10], value=1)
    box = interactive_figure(draw, {"a": a, "b": b})
    first = bytes(box.children[-1].value)
    assert first.startswith(b"\x89PNG") and box.children[2].value == "乘积 2"
    a.value = 3
    b.value = 10
    assert calls == [(2, 1), (3, 1), (3, 10)]
    assert box.children[2].value == "乘积 30" and bytes(box.children[-1].value) != first
    assert plt.get_fignums() == []  # 每次画完都关掉，不会越积越多


def test_bad_arguments():
    with pytest.raises(RuralfinTypeError, match="draw 应为函数"):
        interactive_figure("not callable", {"a": widgets.IntSlider()})
    with pytest.raises(RuralfinValueError, match="非空"):
        interactive_figure(lambda: None, {})
    with pytest.raises(RuralfinTypeError, match="取值控件"):
        interactive_figure(lambda a: None, {"a": widgets.Button()})
    with pytest.raises(RuralfinTypeError, match="Figure 或 Axes"):
        figure_png("图")
