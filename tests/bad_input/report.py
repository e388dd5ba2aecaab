"""打印坏输入测试的覆盖面与结果：python tests/bad_input/report.py"""

import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import harness as h  # noqa: E402



def main() -> None:
    start = time.perf_counter()
    kinds: collections.Counter = collections.Counter()
    covered, uncovered, failing = [], [], collections.Counter()
    for qualname, obj in h.public_callables():
        call = h.harvest(obj)
        if call is None:
            uncovered.append(qualname)
            continue
        covered.append(qualname)
        for o in h.audit(call):
            kinds[o.kind] += 1
            if o.kind in ("bare", "hang", "mutation", "silent_nan"):
                failing[qualname] += 1
    total = sum(kinds.values())
    print(f"公开名字 {len(covered) + len(uncovered)} 个：{len(covered)} 个有可运行示例、参与测试，{len(uncovered)} 个没有")
    print(f"坏输入变体 {total} 个：" + "，".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"有问题的函数 {len(failing)} 个" + ("：" + "、".join(sorted(failing)) if failing else ""))
    print(f"用时 {time.perf_counter() - start:.1f} 秒")


if __name__ == "__main__":
    main()
