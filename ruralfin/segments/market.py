"""渗透率与同业份额：我行渗透率（我行客户 / 全部主体）与各机构作为主办行的份额，可按客群、行业、
乡镇切分（:func:`penetration`、:func:`market_share`），以及份额的堆叠条形图（:func:`plot_market_share`）。"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .. import labels
from .._validation import bool_column, check_frame, column_name, column_names

__all__ = ["penetration", "market_share", "plot_market_share"]


def penetration(
    entities: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "customer_group",
    banks_with_us: str = "banks_with_us",
    main_bank: str | None = "main_bank",
    ours: str = "ours",
) -> pd.DataFrame:
    """我行渗透率与主办行份额：按客群、行业、乡镇等切分。

    - 渗透率 ``penetration`` = 与我行有业务往来的主体数 / 全部主体数；
    - 我行主办行份额 ``main_bank_share`` = 以我行为主办行的主体数 / 全部主体数；
    - 同业主办行份额 ``peer_main_share`` = 1 − 我行主办行份额（主办行是同业的比例）。

    渗透率高而主办行份额低，说明客户“有户无量”：开了户，但主要业务在同业。

    Parameters
    ----------
    entities : DataFrame
        主体表，每行一个经营主体（全县调查口径，不只是我行客户）。
    by : str, list of str or None, default "customer_group"
        分组列；``None`` 时给出全县一行。
    banks_with_us : str, default "banks_with_us"
        是否我行客户的是/否列。
    main_bank : str or None, default "main_bank"
        主办行列；``None`` 时不计主办行份额。
    ours : str, default "ours"
        主办行列中代表我行的取值。

    Returns
    -------
    DataFrame
        分组列、``n_entities``、``n_customers``、``penetration``，以及（给了 ``main_bank`` 时）
        ``n_main_bank_ours``、``main_bank_share``、``peer_main_share``。

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"customer_group": ["coop"] * 4 + ["rural_micro"] * 2,
    ...                   "banks_with_us": [True, True, True, False, False, True],
    ...                   "main_bank": ["ours", "peer_b", "ours", "peer_a", "peer_b", "peer_c"]})
    >>> penetration(e)[["customer_group", "n_entities", "penetration", "main_bank_share"]]
      customer_group  n_entities  penetration  main_bank_share
    0           coop           4         0.75              0.5
    1    rural_micro           2         0.50              0.0
    """
    check_frame(entities, name="entities")
    keys = column_names(entities, by, param="by", frame="entities")
    work = pd.DataFrame({"_one": np.ones(len(entities), dtype="int64")}, index=entities.index)
    work["n_customers"] = bool_column(entities, banks_with_us, param="banks_with_us", frame="entities").astype("int64")
    if main_bank is not None:
        column_name(entities, main_bank, param="main_bank", frame="entities")
        work["n_main_bank_ours"] = (entities[main_bank].astype(object) == ours).astype("int64")
    for k in keys:
        work[k] = entities[k]
    if keys:
        res = work.groupby(keys, observed=True, sort=True, dropna=False).sum()
    else:
        res = work.sum().to_frame().T
    res = res.rename(columns={"_one": "n_entities"})
    res["penetration"] = res["n_customers"] / res["n_entities"]
    cols = ["n_entities", "n_customers", "penetration"]
    if main_bank is not None:
        res["main_bank_share"] = res["n_main_bank_ours"] / res["n_entities"]
        res["peer_main_share"] = 1.0 - res["main_bank_share"]
        cols += ["n_main_bank_ours", "main_bank_share", "peer_main_share"]
    res = res[cols]
    return res.reset_index() if keys else res.reset_index(drop=True)


def market_share(
    entities: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "customer_group",
    main_bank: str = "main_bank",
    pivot: bool = False,
) -> pd.DataFrame:
    """各机构作为主办行的份额（我行与同业），按客群、行业、乡镇等切分。

    Parameters
    ----------
    entities : DataFrame
        主体表（全县调查口径）。
    by : str, list of str or None, default "customer_group"
        分组列；``None`` 时给出全县。
    main_bank : str, default "main_bank"
        主办行列。
    pivot : bool, default False
        ``True`` 时返回宽表：每个分组一行、每个机构一列，值为份额。

    Returns
    -------
    DataFrame
        长表：分组列、``main_bank``（机构）、``n_entities``、``institution_share``（在该分组内的份额）。

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"customer_group": ["coop", "coop", "coop", "coop"],
    ...                   "main_bank": ["ours", "ours", "peer_a", "peer_b"]})
    >>> market_share(e)
      customer_group main_bank  n_entities  institution_share
    0           coop      ours           2               0.50
    1           coop    peer_a           1               0.25
    2           coop    peer_b           1               0.25
    """
    check_frame(entities, name="entities")
    keys = column_names(entities, by, param="by", frame="entities")
    column_name(entities, main_bank, param="main_bank", frame="entities")
    res = (entities.groupby(keys + [main_bank], observed=True, sort=True, dropna=False).size()
           .rename("n_entities").reset_index())
    if keys:
        res["institution_share"] = res["n_entities"] / res.groupby(keys, observed=True)["n_entities"].transform("sum")
    else:
        res["institution_share"] = res["n_entities"] / res["n_entities"].sum()
    if pivot:
        if not keys:
            return res.set_index(main_bank)[["institution_share"]].T.reset_index(drop=True)
        wide = res.pivot_table(index=keys, columns=main_bank, values="institution_share", observed=True,
                               fill_value=0.0)
        wide.columns = [str(c) for c in wide.columns]
        return wide.reset_index()
    return res


def plot_market_share(
    shares: pd.DataFrame,
    *,
    by: str = "customer_group",
    main_bank: str = "main_bank",
    ours: str = "ours",
    ax=None,
    title: str | None = None,
):
    """各分组的主办行份额：横向堆叠条形图，我行排在最左、用醒目的颜色。

    Parameters
    ----------
    shares : DataFrame
        :func:`market_share` 的长表结果（含 ``by``、``main_bank``、``institution_share`` 列）。
    by : str, default "customer_group"
        分组列（纵轴）。
    main_bank : str, default "main_bank"
        机构列（图例）。
    ours : str, default "ours"
        代表我行的取值。
    ax : matplotlib Axes, optional
        画在哪个坐标轴上；不给时新建。
    title : str, optional
        图标题；默认不加标题。

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> e = pd.DataFrame({"customer_group": ["coop", "coop", "rural_micro"],
    ...                   "main_bank": ["ours", "peer_a", "peer_a"]})
    >>> ax = plot_market_share(market_share(e))
    >>> len(ax.patches)
    4
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    import matplotlib.pyplot as plt

    from ..plotting import get_ax

    check_frame(shares, ["institution_share"], name="shares", numeric=["institution_share"])
    column_name(shares, by, param="by", frame="shares")
    column_name(shares, main_bank, param="main_bank", frame="shares")
    wide = shares.pivot_table(index=by, columns=main_bank, values="institution_share", observed=True,
                              fill_value=0.0)
    order = [c for c in wide.columns if c == ours] + [c for c in wide.columns if c != ours]
    wide = wide[order]
    ax = get_ax(ax, figsize=(8, 0.6 * len(wide) + 1.5))
    palette = plt.get_cmap("Greys")
    y = np.arange(len(wide))
    left = np.zeros(len(wide))
    n_peers = max(len(order) - 1, 1)
    peer_i = 0
    for inst in order:
        vals = wide[inst].to_numpy(dtype=float)
        if inst == ours:
            color = "#C44E52"
        else:
            color = palette(0.25 + 0.6 * peer_i / n_peers)
            peer_i += 1
        ax.barh(y, vals, left=left, color=color, edgecolor="white",
                label=labels.value_label(main_bank, inst, table="entities"))
        left += vals
    ax.set_yticks(y)
    ax.set_yticklabels([labels.value_label(by, v, table="entities") for v in wide.index])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel(labels.label("institution_share", unit=False))
    ax.set_ylabel(labels.label(by, table="entities", unit=False))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
              title=labels.label(main_bank, table="entities", unit=False))
    if title is not None:
        ax.set_title(title)
    return ax
