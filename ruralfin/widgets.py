"""课堂用的交互小组件。

:func:`interactive_figure`：拖动滑块（或改下拉框）就重画一张图。它把 matplotlib 图
画成 PNG 放进 ``ipywidgets.Image``，而不是像 ``ipywidgets.interact`` 那样把图输出到
Output 区域——后者在自动执行 notebook（测试、批量运行）时偶尔会让执行卡住直到超时；
画成图片还避免了拖动时整块输出闪烁。
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from typing import Any

from ._validation import check_number
from .errors import RuralfinTypeError, RuralfinValueError

__all__ = ["figure_png", "interactive_figure"]


def figure_png(fig, *, dpi: int = 90) -> bytes:
    """把一张 matplotlib 图（Figure 或 Axes）画成 PNG 字节并关闭它。

    ``dpi`` 是分辨率（每英寸点数），应在 10 到 600 之间；参数不对时报错，图不关闭。

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> figure_png(ax)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    if isinstance(fig, Axes):
        fig = fig.figure
    if not isinstance(fig, Figure):
        raise RuralfinTypeError(f"需要 matplotlib 的 Figure 或 Axes，实际是 {type(fig).__name__}")
    dpi = check_number(dpi, "dpi", min_value=10, max_value=600)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def interactive_figure(draw: Callable[..., Any], controls: Mapping[str, Any], *, dpi: int = 90):
    """一组控件 + 一张随控件重画的图（+ 一行说明文字）。

    Parameters
    ----------
    draw : callable
        ``draw(**取值)``，参数名与 ``controls`` 的键相同；返回 Figure 或 Axes，
        或 ``(Figure/Axes, 说明文字)``。
    controls : mapping of {参数名: ipywidgets 控件}
        如 ``{"tolerance": widgets.FloatSlider(...)}``。
    dpi : int, default 90
        图片分辨率。

    Returns
    -------
    ipywidgets.VBox
        放在单元格最后一行即显示；``.children`` 依次是各控件、说明文字、图片。

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt, ipywidgets as widgets
    >>> def draw(k):
    ...     fig, ax = plt.subplots()
    ...     ax.plot([0, 1], [0, k])
    ...     return fig, f"斜率 {k}"
    >>> box = interactive_figure(draw, {"k": widgets.IntSlider(value=2, min=1, max=5)})
    >>> box.children[1].value
    '斜率 2'
    >>> box.children[0].value = 4          # 拖动滑块即重画
    >>> box.children[1].value
    '斜率 4'
    """
    import ipywidgets as widgets

    if not callable(draw):
        raise RuralfinTypeError(f"draw 应为函数，实际是 {type(draw).__name__}")
    if not isinstance(controls, Mapping) or not controls:
        raise RuralfinValueError("controls 应为非空的“参数名 -> 控件”字典")
    for name, control in controls.items():
        if not isinstance(control, widgets.ValueWidget):
            raise RuralfinTypeError(f"控件 {name!r} 应为 ipywidgets 的取值控件（滑块、下拉框等），实际是 {type(control).__name__}")

    picture = widgets.Image(format="png")
    caption = widgets.Label(style={"font_size": "1.1em"})

    def redraw(change=None):
        result = draw(**{name: control.value for name, control in controls.items()})
        text = ""
        if isinstance(result, tuple):
            result, text = result
        picture.value = figure_png(result, dpi=dpi)
        caption.value = str(text)

    for control in controls.values():
        control.observe(redraw, names="value")
    redraw()
    return widgets.VBox([*controls.values(), caption, picture])
