"""生成 tests/data/bank_loans.xls：一份合成的“老核心系统”贷款导出（Excel 97-2003 格式）。

数据取自随包安装的示范县 ``loans`` 表的前 8 行（合成数据，没有真实的人或编号），
改成银行导出的样子：本行自己的表头、字母数字混排的借据号、以元计的金额、中文取值、
多出的“经办柜员”“备注”两列。xlrd 只能读不能写，所以这个文件用 xlwt 生成一次后提交；
测试只需要 xlrd。重新生成（需要 xlwt，不是课程的依赖）::

    pip install --target /tmp/xlwt xlwt
    PYTHONPATH=/tmp/xlwt .venv/bin/python tests/data/make_bank_loans_xls.py
"""

from pathlib import Path

N_ROWS = 8
# 本行表头 -> 课程列名（测试里用同一份对应关系读回来）
MAPPING = {
    "借据号": "loan_id",
    "客户号": "entity_id",
    "合同金额（元）": "loan_amount",
    "执行利率（%）": "contract_rate",
    "授信总额（元）": "borrower_credit_line",
    "结清日期": "closed_date",
}


def loan_number(i: int) -> str:
    return f"JJ2024{i:06d}"


def main() -> None:
    import datetime as dt

    import pandas as pd
    import xlwt

    from ruralfin import labels
    from ruralfin.datasets import load_dataset

    loans = load_dataset("loans").head(N_ROWS)
    shown = labels.to_display(loans, table="loans", mask=False, units=True)
    back = {labels.get(ours, table="loans").display: bank for bank, ours in MAPPING.items()}
    shown = shown.rename(columns=back)
    shown["借据号"] = loans["loan_id"].map(loan_number)
    shown["合同金额（元）"] = loans["loan_amount"] * 10_000
    shown["授信总额（元）"] = loans["borrower_credit_line"] * 10_000
    shown["经办柜员"] = [f"柜员{k % 3 + 1:02d}" for k in range(N_ROWS)]
    shown["备注"] = ["" if k % 2 else "按季回访" for k in range(N_ROWS)]

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("贷款台账")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for j, name in enumerate(shown.columns):
        sheet.write(0, j, name)
    for i, row in enumerate(shown.itertuples(index=False), start=1):
        for j, v in enumerate(row):
            if v is None or (not isinstance(v, str) and pd.isna(v)):
                continue  # 空单元格
            if isinstance(v, pd.Timestamp):
                sheet.write(i, j, dt.datetime(v.year, v.month, v.day), date_style)
            elif hasattr(v, "item"):
                sheet.write(i, j, v.item())
            else:
                sheet.write(i, j, v)
    out = Path(__file__).with_name("bank_loans.xls")
    book.save(str(out))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
