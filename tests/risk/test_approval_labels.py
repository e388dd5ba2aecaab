"""预授信与审批（ruralfin.risk.limits / preapproval / decisions）输出的列都在标签登记处有中文名。

原在 tests/risk/test_monitoring.py 里与贷后监测、催收一起检查；贷后监测拆成四个模块后，
各模块的测试文件各查各的，审批这一部分单独放在这里。
"""

import pandas as pd

from ruralfin import labels
from ruralfin import risk as ap  # 审批的三个模块（额度、准入与白名单、决策）都从 rf.risk 取


def test_approval_outputs_are_registered():
    df = pd.DataFrame({"verified_revenue": [50.0], "existing_debt": [0.0], "points": [600.0], "dsr": [0.3],
                       "prob_default": [0.05]})
    pre = ap.pre_approve(df.assign(village="v"), [("points", ">", 0, "x")], min_score=500)
    produced = set(pre.columns) - set(df.columns) - {"village"}
    produced |= set(ap.whitelist_summary(pre).columns)
    produced |= set(ap.decide(df, ap.DecisionMatrix(score_cuts=[550, 650])).columns) - set(df.columns)
    produced |= set(ap.top_adverse_factors(pd.DataFrame({"a": [1.0]})).columns)
    produced |= set(ap.cutoff_table(df.assign(bad=0), outcome="bad", cutoffs=[0]).columns)
    missing = sorted(c for c in produced if not labels.is_registered(c))
    assert missing == [], f"未登记中文名的输出列：{missing}"
