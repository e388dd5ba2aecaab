"""产品组合：按客群看各类产品的持有率，建议“信贷作载体 + 补短板”的组合（:func:`product_bundles`）。"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .. import labels
from .._validation import bool_column, check_choice, check_frame, check_instance, check_number, column_names
from ..errors import RuralfinValueError
from .customers import PRODUCT_FAMILIES

__all__ = ["product_bundles"]


def product_bundles(
    customers: pd.DataFrame,
    *,
    by: str | Sequence[str] = "customer_group",
    families: Sequence[str] = ("credit", "deposit", "wealth", "settlement", "insurance"),
    gap_threshold: float = 0.5,
) -> pd.DataFrame:
    """按客群看各类产品的持有率，并建议“信贷作载体 + 补短板”的产品组合。

    建议规则（透明、由数据决定，不是任何银行的现行做法）：组合以贷款为载体
    （大纲：信贷营销作为载体，与其他金融服务相互作为营销工具），再加上本客群中
    持有率低于 ``gap_threshold`` 的其他产品，按持有率从低到高排列——持有率越低，
    交叉销售的空间越大。

    Parameters
    ----------
    customers : DataFrame
        :func:`~ruralfin.segments.customer_summary` 的结果（需要 ``has_<大类>`` 是/否列）。
    by : str or list of str, default "customer_group"
        分组列，如 ``"customer_group"``、``["customer_group", "industry"]``。
    families : sequence of str
        参与分析的产品大类，取自 :data:`~ruralfin.segments.PRODUCT_FAMILIES` 的键。
    gap_threshold : float, default 0.5
        持有率低于它就列入建议组合（0–1）。

    Returns
    -------
    DataFrame
        分组列、``n_customers``、每个大类的持有率 ``share_<大类>``、``suggested_bundle``
        （中文，如“贷款 + 保险 + 理财”；大类的中文名取自标签登记处的 ``product_family``）。

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"customer_group": ["coop"] * 4,
    ...     "has_credit": [True, True, False, False], "has_deposit": [True] * 4,
    ...     "has_wealth": [False] * 4, "has_settlement": [True, True, True, False],
    ...     "has_insurance": [True, False, False, False]})
    >>> b = product_bundles(c)
    >>> b[["customer_group", "n_customers", "share_credit", "share_insurance"]]
      customer_group  n_customers  share_credit  share_insurance
    0           coop            4           0.5             0.25
    >>> b.loc[0, "suggested_bundle"]
    '贷款 + 理财 + 保险'
    """
    check_frame(customers, name="customers")
    keys = column_names(customers, by, param="by", frame="customers")
    if not keys:
        raise RuralfinValueError("参数 by 不能为空：请给出分组列，如 'customer_group'")
    fams = list(check_instance(families, (), "families", items=str))
    for f in fams:
        check_choice(f, list(PRODUCT_FAMILIES), "families")
    thr = check_number(gap_threshold, "gap_threshold", min_value=0, max_value=1)
    work = customers[keys].copy()
    for f in fams:
        work[f"share_{f}"] = bool_column(customers, f"has_{f}", param="families", frame="customers").astype(float)
    g = work.groupby(keys, observed=True, sort=True, dropna=False)
    res = g[[f"share_{f}" for f in fams]].mean()
    res.insert(0, "n_customers", g.size())
    names = {f: labels.value_label("product_family", f) for f in PRODUCT_FAMILIES}

    def suggest(row):
        others = sorted((row[f"share_{f}"], i, f) for i, f in enumerate(fams) if f != "credit")
        picked = [f for share, _, f in others if share < thr]
        return " + ".join(names[f] for f in ["credit"] + picked)

    res["suggested_bundle"] = res.apply(suggest, axis=1) if len(res) else pd.Series(dtype=str)
    return res.reset_index()
