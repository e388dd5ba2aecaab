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
    # 中文图表主题（ruralfin.plotting.set_theme）
    "plotting.date_year": "%Y年",
    "plotting.date_hour": "%m-%d %H时",
    "plotting.no_font_help": (
        "未找到可用的中文字体，图中的中文会显示成方框。请安装一种中文字体后重启内核：\n"
        "  · Debian/Ubuntu：sudo apt-get install fonts-noto-cjk\n"
        "  · Windows：系统自带“微软雅黑”，若仍失败请删除 matplotlib 字体缓存（%USERPROFILE%\\.matplotlib）\n"
        "  · macOS：系统自带“苹方”，若仍失败请删除 ~/.matplotlib 后重试\n"
        "装好后可运行 python -m ruralfin doctor 检查。"
    ),
    # 自测练习（ruralfin.practice）：结果框的标题用 outcome 的取值名，另有“提示”“参考答案”两种框
    "practice.hint_title": "提示",
    "practice.solution_title": "参考答案",
    "practice.unanswered": "还没有作答：把 ____ 换成你的答案，再运行本单元。",
    "practice.partly_unanswered": "还有 {n} 处是 ____：把它们都换成你的答案，再运行本单元。",
    "practice.unreadable": "无法识别你的答案，没能检查它（{error}）。请确认答案的形式与题目要求一致。",
    "practice.expected_failed": ("没能算出本题的答案来核对（{error}）：这是课程代码或数据的问题，不是你的答案的问题。"
                                 "请运行 python -m ruralfin doctor 检查环境，或告诉老师。"),
    "practice.no_hints": "本题没有提示。",
    "practice.hint_progress": "（提示 {n}/{total}，再运行一次 hint() 看下一条）",
    "practice.hint_last": "（提示 {n}/{total}）",
    "practice.hint_argument": ("hint() 的参数是提示的序号：本题有 {total} 条提示，写 hint() 依次看下一条，"
                               "或写 hint(1) 到 hint({total}) 看某一条；你写的是 {got}。"),
    "practice.no_solution": "（本题没有提供参考答案）",
    "practice.question_repr": "<{kind} {name}：用 .check(答案) 检查，.hint() 看提示，.solution() 看答案>",
}
