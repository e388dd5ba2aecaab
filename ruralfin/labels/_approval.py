"""预授信与审批（ruralfin.risk.limits / preapproval / decisions）输出的列与显示文字。

额度、偿债比在 ``limits``，准入规则与白名单在 ``preapproval``，决策矩阵、拒绝原因与切分点在
``decisions``。比例类的列取值在 0–1 之间，不是百分数；金额为万元。

原因句子由下面 TEXTS 里的模板拼成（``{占位}`` 由程序填入数字），换说法只改这里。
"""

from . import Field

FIELDS = [
    # ---- 额度（limits.credit_limit、debt_service_ratio）
    Field("limit_product_cap", "产品上限额度", unit="万元", meaning="约束①：产品额度上限"),
    Field("limit_revenue", "收入倍数额度", unit="万元",
          meaning="约束②：收入倍数 × 核实年营业收入 − 现有负债；可为负（负债已超过收入倍数）"),
    Field("limit_dsr", "偿债比额度", unit="万元",
          meaning="约束③：按偿债比上限算出的可承受月供，用等额本息公式折成的本金；可为负"),
    Field("credit_limit", "授信额度", unit="万元", meaning="三条约束中最小者，不低于 0"),
    Field("binding_constraint", "起作用的约束", meaning="卡住额度的那条约束",
          values={"product_cap": "产品额度上限", "revenue_multiple": "收入倍数扣减现有负债", "dsr": "偿债比上限"}),
    Field("limit_note", "额度说明", meaning="额度由哪条约束决定、其余约束各允许多少的中文说明"),
    Field("dsr", "偿债比", meaning="（现有负债年还款额 + 新贷款年还款额）÷ 年收入，0–1 的比例（可大于 1）"),
    # ---- 准入规则与白名单（preapproval）
    Field("rules_passed", "准入规则全部满足", meaning="是否满足全部准入（或硬性拒绝）规则"),
    Field("n_failed", "未满足规则数", unit="条", meaning="不满足的准入规则条数"),
    Field("failed_reasons", "未满足原因", meaning="不满足的准入规则的中文原因，用“；”连接"),
    Field("failed_rules", "未满足规则", meaning="不满足的准入规则所用的列名，用“;”连接"),
    Field("whitelisted", "进入白名单", meaning="预授信白名单：规则全部满足、评分达到门槛且测算额度大于 0"),
    Field("exclusion_reasons", "未入白名单原因", meaning="未进入白名单的全部原因"),
    Field("n_whitelisted", "入白名单户数", unit="户", meaning="进入预授信白名单的主体数"),
    Field("whitelist_rate", "白名单率", meaning="入白名单户数 ÷ 主体数"),
    Field("total_credit_limit", "授信总额", unit="万元", meaning="白名单主体的测算额度合计"),
    # ---- 审批决策矩阵（decisions.decide、top_adverse_factors）
    Field("score_band", "评分段", meaning="决策矩阵中的评分分段"),
    Field("dsr_band", "偿债比段", meaning="决策矩阵中的偿债比分段"),
    Field("auto_decision", "系统审批建议", meaning="评分段 × 偿债比段决策矩阵与硬性规则给出的建议",
          values={"approve": "通过", "refer": "人工复核", "decline": "拒绝"}),
    Field("reason_codes", "原因代码",
          meaning="机器可读的原因：rule:列名 硬性规则、score_low 评分过低、dsr_high 偿债比过高、"
                  "score_dsr 两者组合、no_income 收入为 0 无法计算偿债比、missing_score/missing_dsr 数据缺失、"
                  "factor:特征名 不利因素"),
    Field("decision_reasons", "审批原因", meaning="拒绝或转人工复核的中文原因；通过时为空"),
    Field("factor_1", "第一不利因素", meaning="得分比该特征最高分少得最多的特征"),
    Field("factor_2", "第二不利因素", meaning="得分差距第二大的特征"),
    Field("factor_3", "第三不利因素", meaning="得分差距第三大的特征"),
    Field("shortfall_1", "第一因素差距", unit="分", meaning="第一不利因素比该特征最高分少的分数"),
    Field("shortfall_2", "第二因素差距", unit="分", meaning="第二不利因素比该特征最高分少的分数"),
    Field("shortfall_3", "第三因素差距", unit="分", meaning="第三不利因素比该特征最高分少的分数"),
    Field("adverse_factors", "主要不利因素", meaning="差距最大的几个特征及差距分数的中文说明"),
    # ---- 切分点取舍（decisions.cutoff_table）
    Field("cutoff", "评分切分点", unit="分", meaning="评分不低于该分数即通过"),
    Field("n_approved", "通过笔数", unit="笔", meaning="评分不低于切分点的申请笔数"),
    Field("approval_rate", "通过率", meaning="通过笔数 ÷ 全部申请笔数"),
    Field("expected_bad_rate", "预期坏账率", meaning="通过者预测违约概率的平均值"),
    Field("actual_bad_rate", "实际坏账率", meaning="通过且结局已知者中实际变坏的比例"),
    Field("expected_profit", "预期利润", unit="万元", meaning="按教学简化的单位经济算出的通过者一年预期利润合计"),
    Field("actual_profit", "实际利润", unit="万元", meaning="按同样的单位经济、用实际结局算出的利润合计"),
]

#: 额度说明、未入白名单原因、审批原因的句子模板与切分点图的文字（labels.text(键)）。
TEXTS = {
    # ---- 额度说明（limits.credit_limit 的 limit_note 列）
    "limits.short_product_cap": "产品上限",
    "limits.short_revenue_multiple": "收入倍数",
    "limits.short_dsr": "偿债比",
    "limits.note_head": "额度 {limit:.1f} 万元，受{constraint}约束",
    "limits.note_short": "（该约束允许 {value:.1f} 万元，不足以授信）",
    "limits.note_other": "{name}允许 {value:.1f} 万元",
    # ---- 未入白名单的原因（preapproval.pre_approve 的 exclusion_reasons 列）
    "preapproval.score_missing": "评分缺失",
    "preapproval.score_below": "评分 {score:g} 低于门槛 {min_score:g}",
    "preapproval.zero_limit": "测算额度为 0（{constraint}不足）",
    # ---- 审批原因（decisions.decide 的 decision_reasons 列）
    "decisions.rule_failed": "未满足硬性规则：{reasons}",
    "decisions.score_missing": "评分缺失",
    "decisions.dsr_missing": "偿债比缺失",
    "decisions.refer_suffix": "，转人工复核",
    "decisions.score_low": "评分 {score:g} 过低（{band} 段不论偿债比高低都不予通过）",
    "decisions.dsr_high": "偿债比 {dsr:.0f}% 过高（{band} 段不论评分高低都不予通过）",
    "decisions.score_dsr": "评分 {score:g}（{score_band} 段）与偿债比 {dsr:.0f}%（{dsr_band} 段）的组合{verb}",
    "decisions.no_income": "收入为 0，无法计算偿债比",
    "decisions.no_income_band": "收入为 0，无法计算偿债比（按最高偿债比段 {band} 处理，{verb}）",
    "decisions.verb_decline": "不予通过",
    "decisions.verb_transfer": "转人工复核",
    "decisions.verb_refer": "需人工复核",
    "decisions.adverse": "主要不利因素：{factors}",
    "decisions.factor_shortfall": "{factor}（比最高分少 {gap:g} 分）",
    # ---- 切分点取舍图（decisions.plot_cutoff_tradeoff）
    "decisions.cutoff_title": "切分点取舍：通过率、坏账率与利润",
    "decisions.approval_rate_axis": "通过率（%）",
    "decisions.bad_rate_axis": "坏账率（%）",
    "decisions.profit_axis": "利润（万元）",
}
