"""收益与成本各模块共用的参数口径：每个“数字或列名”参数的单位与取值范围，以及安全除法。

单位约定见 :mod:`ruralfin.economics`：利率与按余额计的成本率是年化百分数，概率与比例是 0–1 的小数，
金额跟随输入。检查本身在 :func:`ruralfin._validation.value_or_column`，这里只登记每个参数的口径。
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import value_or_column

__all__ = ["PARAMETERS", "parameter_value", "ratio"]

#: 参数名 -> (种类, 下限, 上限, 像小数时是否警告)。种类见 :func:`ruralfin._validation.value_or_column`。
#: 资金成本、存款利率与股东要求回报率不取负数（课程面向的人民币业务没有负利率）；
#: 目标利润 ``margin`` 与收益率门槛 ``threshold`` 可以为负（让利、只看亏多少）；贷款利率上限 36%
#: 与示范县表结构一致（民间借贷司法保护上限附近）。
PARAMETERS: dict[str, tuple[str, float | None, float | None, bool]] = {
    "ftp_rate": ("rate_pct", 0.0, 100.0, True),
    "deposit_ftp_rate": ("rate_pct", 0.0, 100.0, True),
    "opex_rate": ("rate_pct", 0.0, 100.0, True),
    "contract_rate": ("rate_pct", 0.0, 36.0, True),
    "loan_rate": ("rate_pct", 0.0, 36.0, True),
    "margin": ("rate_pct", -100.0, 100.0, False),
    "deposit_rate": ("rate_pct", 0.0, 100.0, False),
    "threshold": ("rate_pct", -100.0, 100.0, False),
    "reference": ("rate_pct", 0.0, 100.0, True),
    "prob_default": ("fraction", 0.0, 1.0, False),
    "lgd": ("fraction", 0.0, 1.0, False),
    "risk_weight": ("fraction", 0.0, 15.0, False),
    "capital_ratio": ("fraction", 0.0, 1.0, False),
    "hurdle_rate": ("fraction", 0.0, 1.0, False),
    "fee_income": ("number", 0.0, None, False),
    "balance": ("number", 0.0, None, False),
    "ead": ("number", 0.0, None, False),
    "loan_balance": ("number", 0.0, None, False),
    "deposit_balance": ("number", 0.0, None, False),
    "borrower_credit_line": ("number", 0.0, None, False),
}


def parameter_value(df: pd.DataFrame | None, value: Any, name: str, *, frame: str = "data") -> Any:
    """按 :data:`PARAMETERS` 的口径取参数 ``name``：数字或 ``df`` 的列名 -> float 或 float 数组。

    >>> parameter_value(None, 0.02, "prob_default")
    0.02
    >>> parameter_value(None, 12, "hurdle_rate")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 参数 hurdle_rate 应为 0 到 1 之间的小数（0.5 表示 50%），实际是 12；看起来像百分数，请改用小数
    """
    kind, lo, hi, warn = PARAMETERS[name]
    return value_or_column(df, value, name, frame=frame, kind=kind, min_value=lo, max_value=hi, warn_fraction=warn)


def ratio(num: Any, den: Any) -> np.ndarray:
    """逐元素 ``num / den``；分母为 0 处为 NaN（不报除零警告）。

    >>> ratio([1.0, 2.0], [2.0, 0.0])
    array([0.5, nan])
    """
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den != 0, num / np.where(den != 0, den, 1.0), np.nan)
