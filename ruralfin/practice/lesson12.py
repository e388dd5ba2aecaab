"""第 12 课（三农客群与精准营销调研）的练习题。

由浅入深：读表（第 1–2 题）→ 上下游与信贷客户的小计算（第 3–4 题）→ 改一个门槛、看名单怎么变
并解读（第 5–6 题）→ 做一份走访清单（第 7 题）。期望答案都由 :mod:`ruralfin.segments` 和示范县数据现算。
"""

from __future__ import annotations

import math
from functools import lru_cache
from numbers import Real

from ._core import ChoiceQuestion, CustomQuestion, NumberQuestion, SetQuestion, link_solutions, load

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "GROUP_OPTIONS"]

#: 第 2 题的选项：选项字母 -> 客群编码。
_GROUP_CODES = {
    "A": "new_agri_org",
    "B": "coop",
    "C": "rural_micro",
    "D": "individual_business",
    "E": "farmer_household",
}
#: 第 2 题的选项：选项字母 -> 中文客群名。
GROUP_OPTIONS = {
    "A": "农村新型经济组织",
    "B": "农村合作社",
    "C": "农村小微企业",
    "D": "个体工商户",
    "E": "三农个体户（农户）",
}
#: 第 5、6 题的最低分数线。
MIN_SCORE = 70
#: 第 6 题比较的两个存款门槛（万元）。
_LOW, _HIGH = 5.0, 20.0


@lru_cache(maxsize=1)
def _customers():
    from ..segments import customer_summary

    return customer_summary(
        load("entities"), load("holdings"), loans=load("loans"), loan_monthly=load("loan_monthly"),
        account_flows=load("account_flows"), external_data=load("external_data"), soft_info=load("soft_info"),
    )


@lru_cache(maxsize=None)
def _short_list(threshold: float):
    """把存款规则的门槛改成 ``threshold``（万元）后，得分不低于 MIN_SCORE 的存量客户名单。"""
    from ..segments import existing_customer_prospects, prospect_rules

    rules = prospect_rules()
    rules.loc[rules["rule"] == "deposit", "rule_threshold"] = float(threshold)
    return existing_customer_prospects(_customers(), rules=rules, min_score=MIN_SCORE)


# ---------------------------------------------------------------- 第 1 题
def _n_coops() -> int:
    from ..segments import group_profile

    prof = group_profile(load("entities")).set_index("customer_group")
    return int(prof.loc["coop", "n_entities"])


q1 = NumberQuestion(
    "第 1 题",
    _n_coops,
    rtol=0,
    atol=0.5,
    unit="户",
    integer=True,
    hints=[
        "用 rf.segments.group_profile(entities) 做出五类客群的画像表。",
        "在表里找“农村合作社”那一行，读“主体数（户）”一列。填一个整数。",
    ],
)


# ---------------------------------------------------------------- 第 2 题
def _weakest_group() -> str:
    from ..segments import penetration

    pen = penetration(load("entities")).set_index("customer_group")
    code = str(pen["peer_main_share"].idxmax())
    return next(k for k, v in _GROUP_CODES.items() if v == code)


q2 = ChoiceQuestion(
    "第 2 题",
    _weakest_group,
    options=GROUP_OPTIONS,
    hints=[
        "用 rf.segments.penetration(entities) 按客群算渗透率和主办行份额。",
        "看“同业主办行份额”一列（= 1 − 我行主办行份额），找最大的那一行。",
        "看准列：题目问的是“同业主办行份额”，不是“渗透率”；开了户不等于主要业务在我行。",
    ],
)


# ---------------------------------------------------------------- 第 3 题
def _n_local_chain_prospects() -> int:
    from ..segments import performing_borrowers, supply_chain_prospects

    good = performing_borrowers(load("loan_monthly")).query("is_performing")["entity_id"]
    chain = supply_chain_prospects(load("supply_chain"), good)
    local = chain[chain["counterparty_entity_id"].notna()]
    return int((local["n_links"] >= 3).sum())


q3 = NumberQuestion(
    "第 3 题",
    _n_local_chain_prospects,
    rtol=0,
    atol=0.5,
    unit="个",
    integer=True,
    hints=[
        "先用 rf.segments.performing_borrowers(loan_monthly) 找出表现良好的借款人（is_performing 为 True），"
        "再把他们的 entity_id 交给 rf.segments.supply_chain_prospects(supply_chain, …)。",
        "只数本县内的对手：counterparty_entity_id 不为空（县外龙头企业、电商平台的这一列是空的）。",
        "最后数 n_links（关联的优质客户数）不少于 3 的有几行。",
    ],
)


# ---------------------------------------------------------------- 第 4 题
def _catering_credit_share() -> float:
    c = _customers()
    credit = c[c["has_credit"]]
    return float((credit["industry"] == "catering").mean())


q4 = NumberQuestion(
    "第 4 题",
    _catering_credit_share,
    rtol=1e-3,
    atol=0.0005,
    unit="",
    hints=[
        "信贷客户 = 客户汇总表 customers 里 has_credit 为 True 的行。",
        "在这些行里，行业 industry 等于 'catering'（餐饮服务）的比例是多少？可以写 (credit['industry'] == 'catering').mean()。",
        "答案是 0–1 之间的小数，不是百分数。",
    ],
)


# ---------------------------------------------------------------- 第 5 题
def _judge_threshold(answer, count_for) -> tuple[bool, str]:
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return False, "请按 (门槛, 名单人数) 的形式作答，例如 answer = (threshold, n_list)。"
    threshold, n_list = answer  # 还有 ____ 时 evaluate 已报“未作答”
    if isinstance(threshold, bool) or not isinstance(threshold, Real):
        return False, f"门槛应当是一个数（单位万元，如 10），你填的是 {type(threshold).__name__}。"
    if not 0 < float(threshold) <= 1000:
        return False, "门槛应在 0 到 1000 万元之间，例如 2、10、20。"
    if math.isclose(float(threshold), _LOW, abs_tol=0.01):  # 5.0000001 也是默认门槛
        return False, "5 万元是默认门槛：请换一个你想试的门槛（如 2、10 或 20），看名单怎么变。"
    if (hasattr(n_list, "shape") or isinstance(n_list, bool) or not isinstance(n_list, Real)
            or not math.isfinite(float(n_list)) or float(n_list) != int(n_list)):
        return False, "名单人数应当是一个整数：对名单用 len(…)。"
    expected = count_for(float(threshold))
    default = count_for(_LOW)
    if int(n_list) == expected:
        way = "变短" if expected < default else "变长" if expected > default else "没有变化"
        return True, (f"答对了：存款门槛 {float(threshold):g} 万元时，得分不低于 {MIN_SCORE} 分的名单有 {expected} 户"
                      f"（默认 5 万元时 {default} 户，名单{way}）。")
    if int(n_list) == default:
        return False, "这是默认门槛（5 万元）下的人数：改了 rules 之后，要把 rules=rules 传给 existing_customer_prospects。"
    return False, (f"名单人数不对。检查：是否只改了 rule 为 'deposit' 的那一行，是否用了 min_score={MIN_SCORE}，"
                   "门槛的单位是万元。")


q5 = CustomQuestion(
    "第 5 题",
    lambda: (lambda threshold: len(_short_list(threshold))),
    judge=_judge_threshold,
    hints=[
        "复制讲义第四节的代码：rules = rf.segments.prospect_rules()，再改 rule 为 'deposit' 那一行的 rule_threshold。",
        f"rules.loc[rules['rule'] == 'deposit', 'rule_threshold'] = threshold；然后 "
        f"rf.segments.existing_customer_prospects(customers, rules=rules, min_score={MIN_SCORE})，名单人数用 len(…)。",
        "作答形式：answer = (threshold, n_list)，门槛单位是万元。",
    ],
)


# ---------------------------------------------------------------- 第 6 题
_SMALL = ("farmer_household", "individual_business")
_INTERPRET = {
    "A": "名单变长，农户和个体工商户的占比上升",
    "B": "名单变短，农户和个体工商户的占比下降",
    "C": "名单不变：存款门槛只影响排序，不影响谁进名单",
    "D": "名单变短，农户和个体工商户的占比上升",
}


def _interpretation() -> str:
    lo, hi = _short_list(_LOW), _short_list(_HIGH)
    if len(hi) == len(lo):
        return "C"
    share_lo = lo["customer_group"].isin(_SMALL).mean()
    share_hi = hi["customer_group"].isin(_SMALL).mean()
    if len(hi) > len(lo):
        return "A"
    return "B" if share_hi < share_lo else "D"


q6 = ChoiceQuestion(
    "第 6 题",
    _interpretation,
    options=_INTERPRET,
    hints=[
        "看题目下面那张表：两个门槛下的“名单户数”哪个多？",
        "再比较“农户和个体工商户占比”：门槛提高后，这个占比是升了还是降了？",
        "想一想：哪些客群的存款日均通常更高？门槛提高，谁更容易丢掉存款规则的 25 分？",
    ],
)


# ---------------------------------------------------------------- 第 7 题
def _visit_ids() -> set:
    from ..segments import existing_customer_prospects, target_list

    prospects = existing_customer_prospects(_customers())
    t = target_list(prospects, township="白沙镇", industry="agri_production", top=5)
    return set(int(i) for i in t["entity_id"])


q7 = SetQuestion(
    "第 7 题",
    _visit_ids,
    item="主体",
    hints=[
        "从默认规则的存量挖掘结果出发：prospects = rf.segments.existing_customer_prospects(customers)。",
        "用 rf.segments.target_list(prospects, township='白沙镇', industry='agri_production', top=5)。",
        "答案是这 5 户的主体编号：list(清单['entity_id'])。",
    ],
)


link_solutions(globals(), "12_segments")
