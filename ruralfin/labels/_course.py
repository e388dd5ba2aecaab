"""课程地图与背景资料的列。"""

from . import Field

FIELDS = [
    Field("lesson", "课次", meaning="notebook 编号"),
    Field("part", "部分", meaning="所属课程部分"),
    Field("title", "标题", meaning="本课标题"),
    Field("outline", "讲授的大纲条目", meaning="对应课程大纲的条目"),
    Field("file", "文件", meaning="notebooks/ 下的文件名"),
    Field("ready", "已就绪", meaning="文件是否已在仓库中", values={True: "是", False: "编写中"}),
    Field("finding", "调研发现", meaning="调研结论"),
    Field("share_pct", "占比", unit="%", meaning="占受访企业的百分比"),
    Field("source", "来源", meaning="数字的出处及可信度"),
]
