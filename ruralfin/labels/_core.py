"""通用词条：课程框架本身（练习结果、环境检查）和跨主题共用的列。"""

from . import Field

FIELDS = [
    Field("outcome", "结果", meaning="练习自测的结果", values={
        "correct": "正确", "wrong": "有误", "unanswered": "未作答",
    }),
    Field("prob_default", "违约概率", meaning="未来一段时间（通常 12 个月）内发生违约的概率，0–1 之间"),
    Field("loan_amount", "贷款金额", unit="万元", meaning="合同发放的贷款本金"),
    Field("question", "题号", meaning="练习中的题目编号"),
    Field("check", "检查项", meaning="环境检查的项目"),
    Field("status", "状态", meaning="检查结果", values={"ok": "通过", "warn": "提醒", "fail": "未通过", "skip": "跳过"}),
    Field("detail", "说明", meaning="检查发现的情况"),
    Field("fix", "解决办法", meaning="未通过时应当怎么做"),
]

#: 其他显示文字（图表标题、图例、说明），用 labels.text(键) 取；键写成“主题.用途”。
TEXTS = {
    "theme.missing_key_example": "示例：共 {n} 项",
}
