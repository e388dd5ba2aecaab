"""风险成本：按客群 × 行业汇总预期损失 EL = PD × LGD × EAD 与每百元贷款的预期损失率。

PD 可以来自模型（逐笔或统一的数），也可以用格子里的历史违约率；单位约定见 :mod:`ruralfin.economics`。
"""

from __future__ import annotations

import pandas as pd

from .._validation import bool_column, check_choice, check_frame, check_number, column_name, numeric_column
from ..errors import RuralfinValueError
from ._params import parameter_value, ratio

__all__ = ["EXPECTED_LOSS_COLUMNS", "expected_loss_table"]

#: :func:`expected_loss_table` 结果中的数值列（也是 ``pivot`` 可选的取值）
EXPECTED_LOSS_COLUMNS = ("n_loans", "ead", "prob_default", "expected_loss", "el_rate")


def expected_loss_table(
    loans: pd.DataFrame,
    *,
    rows: str = "customer_group",
    columns: str | None = "industry",
    ead: str = "balance",
    prob_default: float | str | None = None,
    default_flag: str | None = None,
    default_dpd: int | None = None,
    lgd: float | str = 0.5,
    pivot: str | None = None,
) -> pd.DataFrame:
    """风险成本表：按客群 × 行业汇总预期损失 EL = PD × LGD × EAD 与 EL 率。

    违约概率有两种来源，二选一：

    - ``prob_default``：模型给出的逐笔 PD（列名）或一个统一的数；
    - ``default_flag``：历史上是否违约的 0/1 列——用每个格子里的**历史违约率**（按笔数）
      作为该格子的 PD。这是最朴素的估计，格子笔数少时波动大，结果里的 ``n_loans``
      帮助判断可信程度。

    Parameters
    ----------
    loans : DataFrame
        贷款表。
    rows : str, default "customer_group"
        行分组列。
    columns : str or None, default "industry"
        列分组列；``None`` 时只按 ``rows`` 分组。
    ead : str, default "balance"
        违约风险暴露（余额）列。
    prob_default : float or str, optional
        逐笔 PD 列或统一 PD（小数）。
    default_flag : str, optional
        0/1（或布尔）违约标志列，用格内违约率作 PD。
    default_dpd : int, optional
        给出时把 ``default_flag`` 当作逾期天数列，逾期超过 ``default_dpd`` 天算违约，
        例如 ``default_flag="max_dpd_to_date", default_dpd=90``（:func:`loan_book` 的列）。
    lgd : float or str, default 0.5
        违约损失率（示意值 50%），数字或列名。
    pivot : str, optional
        给出某个结果列名（如 ``"el_rate"``）时，返回 ``rows`` × ``columns`` 的交叉表。

    Returns
    -------
    DataFrame
        长表：分组列、``n_loans``、``ead``、``prob_default``（用模型 PD 时为格内按余额加权的 PD，
        用违约标志时为按笔数的违约率）、``expected_loss``、``el_rate``（= EL / EAD × 100，百分数，即这个格子的
        风险成本率）；或 ``pivot`` 指定的交叉表。

    Notes
    -----
    用某个时点的在册台账算历史违约率会**低估**：已核销、已结清的坏账不在台账里，
    观察期长短也不等于 12 个月。更严谨的做法是取一批放款满 12 个月的贷款，用其
    12 个月内是否 90 天以上逾期（示范县 ``applications.bad_12m``）作为 ``default_flag``。

    Examples
    --------
    >>> import pandas as pd
    >>> loans = pd.DataFrame({
    ...     "customer_group": ["coop", "coop", "individual_business", "individual_business"],
    ...     "industry": ["agri_production", "agri_production", "catering", "catering"],
    ...     "balance": [100.0, 100.0, 20.0, 30.0], "defaulted": [0, 1, 0, 0]})
    >>> t = expected_loss_table(loans, default_flag="defaulted")
    >>> t[["customer_group", "n_loans", "prob_default", "expected_loss", "el_rate"]]
            customer_group  n_loans  prob_default  expected_loss  el_rate
    0                 coop        2           0.5           50.0     25.0
    1  individual_business        2           0.0            0.0      0.0
    >>> expected_loss_table(loans, prob_default=0.02, pivot="el_rate")
    industry             agri_production  catering
    customer_group
    coop                             1.0       NaN
    individual_business              NaN       1.0
    """
    check_frame(loans, name="loans")
    keys = [column_name(loans, rows, param="rows", frame="loans")]
    if columns is not None:
        keys.append(column_name(loans, columns, param="columns", frame="loans"))
    check_frame(loans, [ead], name="loans", numeric=[ead])
    if pivot is not None:
        if columns is None:
            raise RuralfinValueError("参数 pivot 需要同时给出 columns（列分组）")
        check_choice(pivot, EXPECTED_LOSS_COLUMNS, "pivot")
    if (prob_default is None) == (default_flag is None):
        raise RuralfinValueError(
            "参数 prob_default 与 default_flag 须给出且只给出一个：前者是模型 PD（列名或数字），"
            "后者是历史违约 0/1 列"
        )
    exposure = parameter_value(loans, ead, "ead", frame="loans")
    lgdv = parameter_value(loans, lgd, "lgd", frame="loans")
    work = loans[keys].copy()
    work["n_loans"] = 1
    work["ead"] = exposure
    if prob_default is not None:
        pdv = parameter_value(loans, prob_default, "prob_default", frame="loans")
        work["_pd_ead"] = pdv * exposure
        work["expected_loss"] = pdv * lgdv * exposure
        g = work.groupby(keys, observed=True, sort=True)
        out = g[["n_loans", "ead", "_pd_ead", "expected_loss"]].sum()
        out["prob_default"] = ratio(out["_pd_ead"], out["ead"])
    else:
        if default_dpd is not None:
            limit = check_number(default_dpd, "default_dpd", min_value=0)
            flag = numeric_column(loans, default_flag, param="default_flag", frame="loans") > limit
        else:
            try:
                flag = bool_column(loans, default_flag, param="default_flag", frame="loans", missing=None)
            except RuralfinValueError as exc:
                raise RuralfinValueError(f"{exc}；若是逾期天数，请同时给出 default_dpd（如 90）") from None
        work["_flag"] = flag.astype(float)
        work["_lgd_ead"] = lgdv * exposure
        g = work.groupby(keys, observed=True, sort=True)
        out = g[["n_loans", "ead", "_lgd_ead"]].sum()
        out["prob_default"] = g["_flag"].mean()
        out["expected_loss"] = out["prob_default"] * out["_lgd_ead"]
    out["el_rate"] = ratio(out["expected_loss"], out["ead"]) * 100.0
    out = out[list(EXPECTED_LOSS_COLUMNS)].reset_index()
    if pivot is not None:
        return out.pivot(index=rows, columns=columns, values=pivot)
    return out
