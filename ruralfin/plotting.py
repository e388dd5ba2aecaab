"""中文图表：字体、投影友好的样式，以及各课共用的画图小工具。

导入本模块不改变任何 matplotlib 设置；需要中文图表时显式调用 :func:`set_theme`。
各业务主题的画图函数写在各自的模块里（如 ``ruralfin.risk.vintage.plot_vintage``），
这里也都能找到：``rf.plotting.plot_vintage``；``dir(rf.plotting)`` 列出全部。
画图函数遵循 seaborn 的约定：第一个参数是 DataFrame，其余为关键字参数，
``ax=None`` 传入、返回 Axes，不调用 ``plt.show()``；轴标题和图例取自
:mod:`ruralfin.labels`。
"""

from __future__ import annotations

import logging
import platform
import warnings
from typing import Any

from .errors import RuralfinWarning

__all__ = ["set_theme", "find_cjk_font", "bundled_font_files", "CJK_FONT_CANDIDATES", "BUNDLED_FONT", "get_ax",
           "label_axes", "annotate_bars"]

#: 各主题模块里的画图函数 -> 所在模块（按需导入，tests/test_plotting.py 检查与各模块的 __all__ 一致）。
TOPIC_PLOTS: dict[str, str] = {
    "plot_rate_buildup": "ruralfin.economics.pricing",
    "plot_yield_comparison": "ruralfin.economics.yields",
    "plot_market_share": "ruralfin.segments.market",
    "plot_bins": "ruralfin.risk.binning",
    "plot_woe": "ruralfin.risk.binning",
    "plot_bad_rate": "ruralfin.risk.binning",
    "plot_ks": "ruralfin.risk.metrics",
    "plot_gains": "ruralfin.risk.metrics",
    "plot_cutoff_tradeoff": "ruralfin.risk.decisions",
    "plot_vintage": "ruralfin.risk.vintage",
    "plot_roll_rates": "ruralfin.risk.migration",
    "plot_migration": "ruralfin.risk.migration",
    "plot_lead_time": "ruralfin.risk.early_warning",
    "plot_allocation_curve": "ruralfin.risk.collection",
    "plot_crosscheck": "ruralfin.risk.crosscheck",
    "plot_tolerance_sweep": "ruralfin.risk.crosscheck",
    "plot_segment_profiles": "ruralfin.risk.behavior",
}


def __getattr__(name: str) -> Any:
    if name in TOPIC_PLOTS:
        import importlib

        return getattr(importlib.import_module(TOPIC_PLOTS[name]), name)
    raise AttributeError(f"ruralfin.plotting 没有 {name!r}；画图函数见 dir(ruralfin.plotting)")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(TOPIC_PLOTS))

#: 按平台排列的中文字体候选（先到先得）。Linux 上的 Noto Sans CJK 以 .ttc 形式安装时，
#: matplotlib 能识别各区域子字体，SC（简体）排在 JP 等之前。
CJK_FONT_CANDIDATES: dict[str, tuple[str, ...]] = {
    "Windows": ("Microsoft YaHei", "SimHei", "DengXian"),
    "Darwin": ("PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti"),
    "Linux": (
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "Noto Sans SC",
        "WenQuanYi Zen Hei",
        "WenQuanYi Micro Hei",
        "Noto Sans CJK JP",
        "Source Han Sans CN",
        "Droid Sans Fallback",
    ),
}

#: 拉丁字母、数字和负号的后备字体（matplotlib 自带，一定存在）。
LATIN_FALLBACK = "DejaVu Sans"

#: 随库附带的中文字体（Noto Sans CJK SC 的子集，SIL OFL 1.1，见 ruralfin/fonts/README.md）：
#: 系统里一个中文字体也没有时（没有 root 权限的 Linux、WSL、实验室服务器）由 set_theme 注册。
BUNDLED_FONT = "Ruralfin Sans SC"

_FONT_SUFFIXES = (".ttf", ".otf", ".ttc")

_warned_no_font = False
_rescanned = False


def _candidates() -> list[str]:
    """本平台的候选排在前面，其余平台的也试（如 Linux 上装了微软雅黑）。"""
    system = platform.system()
    ordered = list(CJK_FONT_CANDIDATES.get(system, ()))
    for names in CJK_FONT_CANDIDATES.values():
        ordered += [n for n in names if n not in ordered]
    return ordered


def _installed_names() -> set[str]:
    from matplotlib import font_manager

    return {f.name for f in font_manager.fontManager.ttflist}


def bundled_font_files() -> list:
    """随库附带的中文字体文件（常规体与粗体）。

    >>> [p.name for p in bundled_font_files()]
    ['RuralfinSansSC-Bold.ttf', 'RuralfinSansSC-Regular.ttf']
    """
    from importlib import resources

    folder = resources.files("ruralfin") / "fonts"
    return sorted(p for p in folder.iterdir() if p.name.endswith(".ttf"))


def _register_bundled_font() -> str | None:
    """把随库的中文字体注册给 matplotlib（已注册则不重复），返回字体名；文件缺失时返回 ``None``。"""
    from matplotlib import font_manager

    if BUNDLED_FONT in _installed_names():
        return BUNDLED_FONT
    files = bundled_font_files()
    if not files:
        return None
    for path in files:
        font_manager.fontManager.addfont(str(path))
    return BUNDLED_FONT if BUNDLED_FONT in _installed_names() else None


def _rebuild_font_cache() -> None:
    """字体缓存过期（先建了缓存、后装的字体）时，把缓存里没有的系统字体补进来。

    就地补进现有的 ``fontManager``，不替换它：matplotlib 的 Agg 后端在导入时
    就记下了 ``fontManager`` 这个对象，换成新对象后图里照样找不到新装的字体。
    补好后写回磁盘缓存，下次启动不必再查。
    """
    from matplotlib import font_manager

    fm = font_manager.fontManager
    known = {getattr(f, "fname", None) for f in fm.ttflist}
    added = False
    for path in font_manager.findSystemFonts():
        if path in known or not path.lower().endswith(_FONT_SUFFIXES):
            continue
        try:
            fm.addfont(path)
            added = True
        except Exception:  # noqa: BLE001 - 个别坏字体文件不影响其余字体
            continue
    if added:
        try:
            import matplotlib as mpl
            from pathlib import Path

            cache = Path(mpl.get_cachedir(), f"fontlist-v{font_manager.FontManager.__version__}.json")
            font_manager.json_dump(fm, cache)
        except Exception:  # noqa: BLE001 - 缓存写不进去（只读目录）也不影响本次使用
            pass


def find_cjk_font(*, rebuild_if_missing: bool = True, bundled: bool = False) -> str | None:
    """返回已安装的第一个中文字体名；都没有时返回 ``None``。

    若缓存中一个也没有，先把缓存里缺的系统字体补进来再找（处理“先建缓存、后装字体”的情况）。
    ``bundled=True`` 时，系统里确实没有中文字体就注册并返回随库附带的 “Ruralfin Sans SC”。

    Examples
    --------
    >>> find_cjk_font(bundled=True) is not None
    True
    """
    names = _installed_names()
    for cand in _candidates():
        if cand in names:
            return cand
    global _rescanned
    if rebuild_if_missing and not _rescanned:
        _rescanned = True  # 每个进程只补查一次：重复调用 set_theme 不必每次扫描系统字体
        _rebuild_font_cache()
        return find_cjk_font(rebuild_if_missing=False, bundled=bundled)
    if bundled:
        return _register_bundled_font()
    return None


#: 字号档位：与 seaborn 的 plotting_context 相同的基准字号与缩放（notebook = 1）。
_CONTEXTS = {"paper": 0.8, "notebook": 1.0, "talk": 1.5, "poster": 2.0}
_BASE_FONT = {"font.size": 12, "axes.labelsize": 12, "axes.titlesize": 12, "xtick.labelsize": 11,
              "ytick.labelsize": 11, "legend.fontsize": 11, "legend.title_fontsize": 12}


def set_theme(*, context: str = "notebook", font_scale: float = 1.25, style: str = "whitegrid",
              palette: str = "colorblind", rc: dict[str, Any] | None = None) -> str | None:
    """设置适合投影仪的中文图表样式，返回选用的中文字体名（找不到时为 ``None``）。

    依次做四件事：套用 matplotlib 自带的 seaborn 风格样式表（网格、配色、字号档位，
    不必导入 seaborn，第一格代码因此快约 0.7 秒），并把字号放大到投影可读；从跨平台
    候选表（Windows：微软雅黑/黑体/等线；macOS：苹方/冬青黑体/黑体-简；Linux：Noto Sans
    CJK SC/思源黑体/文泉驿）里选出已安装的中文字体，缓存过期时把新装的字体补进来；
    系统里一个中文字体也没有（没有 root 权限的 Linux、WSL）时，改用随库附带的
    “Ruralfin Sans SC”（Noto Sans CJK SC 的子集），不必安装任何系统字体；把 DejaVu Sans
    放在后面作为拉丁字母和数字的后备，并关闭 Unicode 负号，保证负数正常显示；
    万一连随库字体也找不到，只用中文警告一次并给出安装方法，不会刷屏。

    可以在 ``sns.set_theme()`` 之后调用，也可以代替它；重复调用（再运行一遍导入单元格、
    换 ``context``）结果相同，之后的图照常显示。

    Parameters
    ----------
    context : {"paper", "notebook", "talk", "poster"}, default "notebook"
        字号档位（与 seaborn 相同）。
    font_scale : float, default 1.25
        在档位之上再放大的倍数。
    style : str, default "whitegrid"
        seaborn 风格名：whitegrid、darkgrid、white、dark、ticks。
    palette : str, default "colorblind"
        配色（对色弱友好）：colorblind、deep、muted、bright、pastel、dark。
    rc : dict, optional
        额外的 matplotlib 设置，最后生效。

    Returns
    -------
    str or None
        选用的中文字体名。

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> font = set_theme()
    >>> import matplotlib.pyplot as plt
    >>> plt.rcParams["axes.unicode_minus"]
    False
    >>> plt.rcParams["font.sans-serif"][-1] == "DejaVu Sans"
    True
    >>> plt.rcParams["font.size"]  # notebook 档 12 号 × 1.25
    15.0
    """
    global _warned_no_font
    import matplotlib as mpl
    import matplotlib.style

    from collections.abc import Mapping

    from ._validation import check_choice, check_instance, check_number
    from .labels import text

    check_choice(context, list(_CONTEXTS), "context")
    scale = check_number(font_scale, "font_scale", min_value=0.5, max_value=4)
    check_instance(rc, Mapping, "rc", allow_none=True)
    # findfont 在找不到字体时会对每段文字打一条 WARNING，这里只保留错误级别
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)

    sheets = [f"seaborn-v0_8-{style}", f"seaborn-v0_8-{palette}"]
    missing = [sh for sh in sheets if sh not in matplotlib.style.available]
    if missing:
        from .errors import RuralfinValueError

        raise RuralfinValueError(f"matplotlib 没有样式 {missing}；style 可选 whitegrid/darkgrid/white/dark/ticks，"
                                 "palette 可选 colorblind/deep/muted/bright/pastel/dark")
    # 回到 matplotlib 的默认样式再叠加本主题，重复调用结果相同。不能用
    # rcParams.update(rcParamsDefault)：那会把 interactive、backend 也改回默认，
    # inline 后端随之停止显示图表（第二次运行后图全部消失）。rcdefaults() 不碰这些设置。
    mpl.rcdefaults()
    matplotlib.style.use(sheets)
    mpl.rcParams.update({k: v * _CONTEXTS[context] * scale for k, v in _BASE_FONT.items()})
    font = find_cjk_font(bundled=True)
    families = ([font] if font else []) + [LATIN_FALLBACK]
    mpl.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": families,
            "axes.unicode_minus": False,
            "figure.figsize": (9.0, 5.0),
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "savefig.bbox": "tight",
            "axes.titleweight": "bold",
            "axes.titlesize": "large",
            "legend.frameon": False,
            "axes.spines.top": False,
            "axes.spines.right": False,
            # 日期轴用数字格式（2024-07），不出现英文月份缩写
            "date.autoformatter.year": text("plotting.date_year"),
            "date.autoformatter.month": "%Y-%m",
            "date.autoformatter.day": "%m-%d",
            "date.autoformatter.hour": text("plotting.date_hour"),
        }
    )
    if rc:
        mpl.rcParams.update(rc)
    if font is None and not _warned_no_font:
        _warned_no_font = True
        warnings.warn(text("plotting.no_font_help"), RuralfinWarning, stacklevel=2)
    return font


def get_ax(ax=None, *, figsize: tuple[float, float] | None = None):
    """``ax`` 为 None 时新建一张图并返回它的 Axes；否则确认它是 matplotlib 的 Axes，原样返回。

    各主题的画图函数都经这里取 ``ax``：``ax="abc"`` 这样的误传在这里得到中文报错，
    而不是画到一半的 ``AttributeError``。

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> get_ax(ax) is ax
    True
    >>> get_ax(None).figure is not fig
    True
    >>> get_ax("abc")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinTypeError: 参数 ax 应为 matplotlib 的 Axes（如 fig, ax = plt.subplots() 得到的 ax）（可省略），实际是 str：'abc'
    >>> plt.close("all")
    """
    from matplotlib.axes import Axes

    from ._validation import check_instance

    if ax is not None:
        return check_instance(ax, Axes, "ax", allow_none=True)
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize)
    return ax


def label_axes(ax, *, x: str | None = None, y: str | None = None, title: str | None = None,
               table: str | None = None):
    """用登记处的中文名（带单位）设置轴标题；``x``/``y`` 是列名，未登记的原样显示。

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> ax = label_axes(ax, x="loan_amount", y="no_such_column", title="贷款金额分布")
    >>> ax.get_xlabel(), ax.get_ylabel(), ax.get_title()
    ('贷款金额（万元）', 'no_such_column', '贷款金额分布')
    >>> plt.close("all")
    """
    from matplotlib.axes import Axes

    from ._validation import check_instance
    from .labels import label

    check_instance(ax, Axes, "ax")

    if x is not None:
        ax.set_xlabel(label(x, table=table))
    if y is not None:
        ax.set_ylabel(label(y, table=table))
    if title is not None:
        ax.set_title(title)
    return ax


def annotate_bars(ax, *, fmt: str = "{:,.1f}", fontsize: float | None = None):
    """在柱状图每根柱子上方（横向柱在右侧）标出数值，便于投影时直接读数。

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> bars = ax.bar(["甲", "乙"], [1.0, 2.5])
    >>> [t.get_text() for t in annotate_bars(ax).texts]
    ['1.0', '2.5']
    >>> plt.close("all")
    """
    from matplotlib.axes import Axes

    from ._validation import check_instance, check_number

    check_instance(ax, Axes, "ax")
    check_instance(fmt, str, "fmt")
    if fontsize is not None:
        check_number(fontsize, "fontsize", min_value=1, max_value=200)
    for container in getattr(ax, "containers", []):
        ax.bar_label(container, labels=[fmt.format(v) for v in container.datavalues],
                     padding=2, fontsize=fontsize)
    return ax
