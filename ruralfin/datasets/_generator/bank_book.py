"""逐笔建模之外的贷款：个人住房、个人消费、公司贷款、票据贴现的月度汇总（阶段 23）。

示范县逐笔模拟的是经营性贷款；全行“各项贷款”还包括这几类。它们不逐笔生成，只按月给出余额、不良、
涉农部分和新发放，让“两增两控”与涉农占比的分母是全行各项贷款，而不是经营性贷款这一块。
"""

from __future__ import annotations

import numpy as np

from ...schema import BANK_BOOKS
from .. import _story as story
from .._frames import build
from .common import OBSERVED_MONTHS, month_end

__all__ = ["make_bank_book"]


def make_bank_book(rng, n_entities: int):
    """每类贷款每月一行：余额按年增速的趋势加小波动，新发放 = 余额变动 + 到期还款，不良率随时间线性变化。"""
    months = np.arange(OBSERVED_MONTHS)
    year = months // 12
    rows = {name: [] for name in ("month", "book", "balance", "npl_balance", "agri_related_balance", "new_loan_amount")}
    for code, book in enumerate(BANK_BOOKS):
        p = story.BANK_BOOK[book]
        monthly_growth = (1 + np.asarray(p["growth"]))[year] ** (1 / 12)
        trend = p["base_per_entity"] * n_entities * np.cumprod(np.r_[1.0, monthly_growth[1:]])
        wobble = np.exp(rng.normal(0, story.BANK_BOOK_NOISE_SD, OBSERVED_MONTHS))
        if book == "discounted_bills":
            wobble *= 1 + story.BILLS_QUARTER_END_BOOST * ((months % 3) == 2)
        balance = trend * wobble
        previous = np.r_[balance[0] / monthly_growth[0], balance[:-1]]
        new = np.maximum(balance - previous + p["runoff"] * previous, 0.0)
        npl_rate = np.linspace(*p["npl"], OBSERVED_MONTHS)
        rows["month"].append(month_end(months))
        rows["book"].append(np.full(OBSERVED_MONTHS, code))
        rows["balance"].append(np.round(balance, 2))
        rows["npl_balance"].append(np.round(balance * npl_rate, 2))
        rows["agri_related_balance"].append(np.round(balance * p["agri_share"], 2))
        rows["new_loan_amount"].append(np.round(new, 2))
    columns = {name: np.concatenate(values) for name, values in rows.items()}
    order = np.lexsort((columns["book"], columns["month"]))
    return build("bank_book_monthly", {name: values[order] for name, values in columns.items()})
