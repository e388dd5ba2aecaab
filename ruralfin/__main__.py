"""命令行：``python -m ruralfin <命令>``（装好后也可直接用 ``ruralfin <命令>``）。

命令
----
doctor            课前检查本机环境，逐项给出解决办法
generate          生成任意规模的示范县数据（CSV 或 Parquet）
build-exercises   由 solutions/ 的答案本生成 exercises/ 的练习本
reset-exercise    给学员一份干净的练习本（另建一份，原来的不动）
"""

from __future__ import annotations

import argparse
import codecs
import importlib
import re
import sys
import unicodedata

from .errors import RuralfinError

# 子命令 -> (实现模块, 中文说明)。实现模块提供 add_arguments(parser) 和 run(args) -> int。
COMMANDS: dict[str, tuple[str, str]] = {
    "doctor": ("ruralfin.doctor", "课前检查本机环境：Python 与依赖版本、中文字体、小组件、数据、课程文件"),
    "generate": ("ruralfin.datasets._cli", "生成任意规模的示范县数据，写到指定文件夹"),
    "build-exercises": ("ruralfin.practice._cli", "由 solutions/ 的答案本生成 exercises/ 的练习本"),
    "reset-exercise": ("ruralfin.practice._cli", "给学员一份干净的练习本（另建一份，原来的不动；--replace 先备份再替换）"),
}


def _display_width(text: str) -> int:
    """终端里的显示宽度：汉字、全角标点占两格。

    >>> _display_width("--out 目录")
    10
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class ChineseHelpFormatter(argparse.HelpFormatter):
    """中文帮助：用“用法：”代替 ``usage:``，节标题后用全角冒号，含汉字的参数名（如 ``--out 目录``）
    按显示宽度对齐说明文字（argparse 按字符数对齐，汉字占两格就会错位）。"""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    def add_argument(self, action):
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            shown = [self._format_action_invocation(a) for a in [action, *self._iter_indented_subactions(action)]]
            self._action_max_length = max(self._action_max_length,
                                          max(map(_display_width, shown)) + self._current_indent)

    def _format_action(self, action):
        text = super()._format_action(action)
        header = " " * self._current_indent + self._format_action_invocation(action)
        extra = _display_width(header) - len(header)
        first, newline, rest = text.partition("\n")
        tail = first[len(header):]
        pad = len(tail) - len(tail.lstrip(" "))
        if extra and first.startswith(header) and tail.strip() and pad - extra >= 2:
            first = header + " " * (pad - extra) + tail.lstrip(" ")
        return first + newline + rest

    def start_section(self, heading):
        if heading:
            self._zh_headings = [*getattr(self, "_zh_headings", []), heading]
        super().start_section(heading)

    def format_help(self) -> str:
        text = super().format_help()
        for heading in getattr(self, "_zh_headings", []):  # argparse 在节标题后固定加半角冒号
            text = re.sub(rf"^([ \t]*){re.escape(heading)}:$", lambda m, h=heading: f"{m.group(1)}{h}：", text, flags=re.M)
        return text


# argparse 自己的报错（英文）-> 中文；按顺序试，第一个匹配的生效。
_ERRORS: list[tuple[str, str]] = [
    (r"the following arguments are required: (.+)", "缺少必填参数 {0}"),
    (r"unrecognized arguments: (.+)", "不认识的参数 {0}"),
    (r"invalid choice: (.+?) \(choose from (.+)\)", "取值 {0} 不在可选范围内，可选：{1}"),
    (r"invalid int value: (.+)", "应为整数，你给的是 {0}"),
    (r"invalid float value: (.+)", "应为数字，你给的是 {0}"),
    (r"invalid (\S+) value: (.+)", "取值 {1} 不符合要求（{0}）"),
    (r"expected one argument", "后面需要跟一个值"),
    (r"expected at least one argument", "后面至少需要跟一个值"),
    (r"expected at most one argument", "后面最多跟一个值"),
    (r"ambiguous option: (.+?) could match (.+)", "选项 {0} 有歧义，可能是：{1}"),
    (r"ignored explicit argument (.+)", "不需要取值，却给了 {0}"),
    (r"not allowed with argument (.+)", "不能与参数 {0} 同时使用"),
    (r"one of the arguments (.+) is required", "参数 {0} 至少要给一个"),
]


def _chinese_error(message: str) -> str:
    """把 argparse 的英文报错换成中文；认不出的原样保留。

    >>> _chinese_error("argument --format: invalid choice: 'xlsx' (choose from 'csv', 'parquet')")
    "参数 --format：取值 'xlsx' 不在可选范围内，可选：'csv', 'parquet'"
    >>> _chinese_error("the following arguments are required: --out")
    '缺少必填参数 --out'
    """
    m = re.fullmatch(r"argument (.+?): (.+)", message, flags=re.S)
    if m:
        return f"参数 {m.group(1)}：{_chinese_error(m.group(2))}"
    for pattern, text in _ERRORS:
        m = re.fullmatch(pattern, message, flags=re.S)
        if m:
            return text.format(*m.groups())
    return message


class ChineseArgumentParser(argparse.ArgumentParser):
    """帮助与报错全部为中文的 ``ArgumentParser``（子命令的解析器也用它）。

    argparse 的“usage:”“positional arguments:”“options:”“show this help message and exit”
    写死在英文里；这里换成中文节标题、自己加中文的 ``-h/--help``，并把常见报错译成中文。
    不改动 argparse 模块本身，同一进程里的其他程序不受影响。
    """

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            p = "-" if "-" in self.prefix_chars else self.prefix_chars[0]
            self.add_argument(f"{p}h", f"{p * 2}help", action="help", default=argparse.SUPPRESS,
                              help="显示本帮助并退出")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"出错了：{_chinese_error(message)}（运行 {self.prog} -h 查看用法）\n")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="python -m ruralfin",
        description="ruralfin 乡村振兴金融课程工具",
    )
    sub = parser.add_subparsers(dest="command", title="命令", metavar="命令",
                                help="下面任选一个，例如 python -m ruralfin doctor；命令后加 -h 看它的参数")
    for name, (module, help_) in COMMANDS.items():
        p = sub.add_parser(name, help=help_, description=help_)
        try:
            mod = importlib.import_module(module)
        except ImportError:  # pragma: no cover - 模块尚未提供时命令不可用
            continue
        adder = getattr(mod, f"add_{name.replace('-', '_')}_arguments", None) or mod.add_arguments
        adder(p)
        p.set_defaults(_module=module, _command=name)
    return parser


def _can_write_chinese(encoding: str | None) -> bool:
    """``encoding`` 能否写出课程里的中文（UTF-8、GBK/cp936、GB18030 可以；ascii、latin-1、cp1252 不行）。

    >>> [_can_write_chinese(e) for e in ("utf-8", "gbk", "cp936", "ascii", "cp1252", None)]
    [True, True, True, False, False, False]
    """
    if not encoding:
        return False
    try:
        codecs.lookup(encoding)
        "课前环境检查：通过、未通过、解决办法".encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def _setup_console() -> None:
    """让标准输出、标准错误能写中文。

    控制台编码本身能写中文时（UTF-8，或中文 Windows 的 GBK/cp936）沿用它：重定向到文件后
    记事本、``type`` 按这个编码读，才不是乱码。写不了中文时（ascii、latin-1、cp1252）改用 UTF-8。
    个别在该编码里没有的字符以 ``?`` 代替，程序不因此报错。
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            if not _can_write_chinese(getattr(stream, "encoding", None)):
                stream.reconfigure(encoding="utf-8")
            elif getattr(stream, "errors", "strict") == "strict":
                stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):  # pragma: no cover - 不是可重设编码的文本流
            pass


def main(argv: list[str] | None = None) -> int:
    _setup_console()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    mod = importlib.import_module(args._module)
    runner = getattr(mod, f"run_{args._command.replace('-', '_')}", None) or mod.run
    try:
        return int(runner(args) or 0)
    except RuralfinError as exc:
        print(f"出错了：{exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
