"""客群画像：五类客群有多少户、分布在哪些行业和乡镇、经营者多大年纪（:func:`group_profile`、
:func:`entity_mix`、:func:`add_age_band`）。"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._validation import bool_column, check_choice, check_frame, check_int, column_names, numeric_column
from ..errors import RuralfinTypeError, RuralfinValueError

__all__ = ["add_age_band", "group_profile", "entity_mix"]


def add_age_band(
    entities: pd.DataFrame,
    *,
    operator_age: str = "operator_age",
    bins: Sequence[int] = (30, 40, 50, 60),
    out: str = "age_band",
) -> pd.DataFrame:
    """按经营者年龄分段，返回追加了年龄段列的新表。

    默认分成“30 岁以下、30–39、40–49、50–59、60 岁及以上”五段，编码为
    ``under_30``、``30_39``、``40_49``、``50_59``、``60_plus``（有序类别）。

    Parameters
    ----------
    entities : DataFrame
        主体表。
    operator_age : str, default "operator_age"
        年龄列（岁，0–120）；不许缺失：年龄不详的主体请先剔除或单独处理，
        如 ``entities.dropna(subset=["operator_age"])``。
    bins : sequence of int, default (30, 40, 50, 60)
        分段的切点（严格递增）；每段含下限、不含上限。
    out : str, default "age_band"
        新列名。

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"operator_age": [25, 30, 47, 61]})
    >>> add_age_band(e)["age_band"].tolist()
    ['under_30', '30_39', '40_49', '60_plus']
    """
    check_frame(entities, name="entities")
    ages = numeric_column(entities, operator_age, param="operator_age", frame="entities", min_value=0, max_value=120)
    if isinstance(bins, (str, bytes)) or not isinstance(bins, Sequence):
        raise RuralfinTypeError(f"参数 bins 应为整数切点的列表，如 (30, 40, 50, 60)，实际是 {bins!r}")
    edges = [check_int(b, "bins", min_value=0, max_value=120) for b in bins]
    if not isinstance(out, str) or not out:
        raise RuralfinTypeError(f"参数 out 应为新列的列名（字符串），实际是 {out!r}")
    if not edges or any(b >= c for b, c in zip(edges, edges[1:])):
        raise RuralfinValueError(f"参数 bins 应为严格递增的整数切点，实际是 {list(bins)!r}")
    codes = [f"under_{edges[0]}"] + [f"{a}_{b - 1}" for a, b in zip(edges, edges[1:])] + [f"{edges[-1]}_plus"]
    idx = np.searchsorted(np.asarray(edges), ages, side="right")
    vals = np.asarray(codes, dtype=object)[idx]
    res = entities.copy()
    res[out] = pd.Categorical(vals, categories=codes, ordered=True)
    return res


def group_profile(
    entities: pd.DataFrame,
    *,
    customer_group: str = "customer_group",
    banks_with_us: str | None = "banks_with_us",
    operator_age: str | None = "operator_age",
    reported_revenue: str | None = "reported_revenue",
    years_in_business: str | None = "years_in_business",
    employees: str | None = "employees",
) -> pd.DataFrame:
    """五类客群画像：每类有多少户、占比、我行客户数与渗透率、经营者年龄与经营规模的中位数。

    Parameters
    ----------
    entities : DataFrame
        主体表（示范县 ``entities``），每行一个经营主体。
    customer_group : str, default "customer_group"
        客群列。
    banks_with_us : str or None, default "banks_with_us"
        是否我行客户的是/否列；``None`` 时不计渗透率。
    operator_age, reported_revenue, years_in_business, employees : str or None
        经营者年龄、年营业收入、经营年限、从业人数列；``None`` 时不计该项。

    Returns
    -------
    DataFrame
        每个客群一行：``customer_group``、``n_entities``、``entity_share``（占全部主体）、
        ``n_customers``、``penetration``、``median_operator_age``、``median_revenue``、
        ``median_years_in_business``、``mean_employees``（给了对应列才有）。

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"customer_group": ["coop", "coop", "farmer_household", "farmer_household"],
    ...                   "banks_with_us": [True, False, True, True],
    ...                   "operator_age": [50, 54, 60, 40], "reported_revenue": [100.0, 200.0, 8.0, 10.0]})
    >>> group_profile(e, years_in_business=None, employees=None)[["customer_group", "n_entities", "penetration",
    ...                                                             "median_operator_age"]]
         customer_group  n_entities  penetration  median_operator_age
    0              coop           2          0.5                 52.0
    1  farmer_household           2          1.0                 50.0
    """
    check_frame(entities, name="entities")
    keys = column_names(entities, customer_group, param="customer_group", frame="entities", allow_none=False)
    g = entities.groupby(keys, observed=True, sort=True, dropna=False)
    res = pd.DataFrame({"n_entities": g.size()})
    res["entity_share"] = res["n_entities"] / len(entities)
    if banks_with_us is not None:
        flag = pd.Series(bool_column(entities, banks_with_us, param="banks_with_us", frame="entities"),
                         index=entities.index)
        res["n_customers"] = flag.groupby([entities[k] for k in keys], observed=True, sort=True,
                                          dropna=False).sum().astype("int64")
        res["penetration"] = res["n_customers"] / res["n_entities"]
    for column, param, name, how in [
        (operator_age, "operator_age", "median_operator_age", "median"),
        (reported_revenue, "reported_revenue", "median_revenue", "median"),
        (years_in_business, "years_in_business", "median_years_in_business", "median"),
        (employees, "employees", "mean_employees", "mean"),
    ]:
        if column is None:
            continue
        numeric_column(entities, column, param=param, frame="entities", allow_nan=True)
        res[name] = getattr(g[column], how)().astype(float)
    return res.reset_index()


def entity_mix(
    entities: pd.DataFrame,
    *,
    rows: str = "customer_group",
    columns: str | None = "industry",
    pivot: str | None = None,
) -> pd.DataFrame:
    """主体构成交叉表：如客群 × 行业、客群 × 乡镇、行业 × 年龄段的户数与占比。

    Parameters
    ----------
    entities : DataFrame
        主体表（也可以是筛选后的，如只含信贷客户）。
    rows : str, default "customer_group"
        行分组列。
    columns : str or None, default "industry"
        列分组列；``None`` 时只按 ``rows`` 计数（此时没有 ``row_share``：每行只有一格，
        占该行合计恒为 1，没有意义；看各组占全部的比例用 ``total_share``）。
    pivot : {"n_entities", "row_share", "total_share"}, optional
        给出时返回 ``rows`` × ``columns`` 的宽表。

    Returns
    -------
    DataFrame
        长表：分组列、``n_entities``、``row_share``（占该行合计；``columns=None`` 时没有这一列）、
        ``total_share``（占全部）。

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"customer_group": ["coop", "coop", "coop", "rural_micro"],
    ...                   "industry": ["agri_production", "agri_production", "catering", "catering"]})
    >>> entity_mix(e)
      customer_group         industry  n_entities  row_share  total_share
    0           coop  agri_production           2   0.666667         0.50
    1           coop         catering           1   0.333333         0.25
    2    rural_micro         catering           1   1.000000         0.25
    >>> entity_mix(e, pivot="n_entities")
    industry        agri_production  catering
    customer_group
    coop                          2         1
    rural_micro                   0         1
    >>> entity_mix(e, columns=None)
      customer_group  n_entities  total_share
    0           coop           3         0.75
    1    rural_micro           1         0.25
    """
    check_frame(entities, name="entities")
    keys = (column_names(entities, rows, param="rows", frame="entities", allow_none=False)
            + column_names(entities, columns, param="columns", frame="entities"))
    res = entities.groupby(keys, observed=True, sort=True, dropna=False).size().rename("n_entities").reset_index()
    if columns is not None:  # 只有一个分组列时占该行合计恒为 1，不给
        res["row_share"] = res["n_entities"] / res.groupby(keys[0], observed=True)["n_entities"].transform("sum")
    res["total_share"] = res["n_entities"] / len(entities)
    if pivot is not None:
        if columns is None:
            raise RuralfinValueError("参数 pivot 需要同时给出 columns（列分组）")
        check_choice(pivot, ["n_entities", "row_share", "total_share"], "pivot")
        fill = 0 if pivot == "n_entities" else 0.0
        return res.pivot(index=rows, columns=columns, values=pivot).fillna(fill).astype(
            "int64" if pivot == "n_entities" else float)
    return res
