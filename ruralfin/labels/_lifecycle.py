"""第 44 课（预授信审批、贷后监测与催收）在讲义与练习里派生的列。"""

from . import Field

FIELDS = [
    Field("debt_to_revenue", "负债收入比", meaning="现有负债余额 ÷ 年营业收入；评分卡特征，越高越危险"),
    Field("cash_income", "可还款年收入", unit="万元",
          meaning="计算偿债比用的年收入：申报年利润，亏损记为 0（教学简化，有经营净现金流时用它更贴切）"),
    Field("our_balance", "我行贷款余额", unit="万元", meaning="主体在我行的贷款余额（月末）"),
    Field("total_debt", "现有负债", unit="万元", meaning="他行负债（征信）+ 我行贷款余额"),
    Field("warning_threshold", "亮灯门槛", unit="分", meaning="预警分达到该值即算亮灯"),
    Field("flagged_share", "亮灯月份占比", meaning="预警分达到门槛的“主体 × 月份”占全部的比例，代表贷后核查的工作量"),
    Field("warned_share", "提前预警的违约户占比", meaning="违约前 12 个月内亮过灯的违约主体 ÷ 全部违约主体"),
]
