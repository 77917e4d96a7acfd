#!/usr/bin/env python3
# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Taiwan wording for every addon's zh_TW.po.

zh_TW is not zh_CN in traditional characters: Taiwan (and Odoo's own zh_TW translations)
write 資訊, 預設, 使用者, 設定, 品質, 簡訊, 專案 where the mainland writes 信息, 默認, 用戶,
設置, 質量, 短信, 項目. GLOSSARY maps each mainland-only term to Odoo's Taiwan term; only
msgstr lines change, so the files keep their layout. tests/test_i18n.py fails while any of
these terms is left in a zh_TW.po; re-run this after merging branches or filling new terms:

    scripts/zh_tw_glossary.py            rewrite addons/*/i18n/zh_TW.po
    scripts/zh_tw_glossary.py --check    list the offending lines, exit 1 if any
"""

import pathlib
import sys

# Longest terms first where one contains another (臺賬 before 賬).
GLOSSARY = {
    "信息": "資訊",
    "默認": "預設",
    "用戶": "使用者",
    "設置": "設定",
    "質量": "品質",
    "短信": "簡訊",
    "項目": "專案",
    "消息": "訊息",
    "創建": "建立",
    "字段": "欄位",
    "反饋": "回饋",
    "網絡": "網路",
    "在線": "線上",
    "打印": "列印",
    "導入": "匯入",
    "導出": "匯出",
    "臺賬": "帳簿",
    "賬": "帳",
    "工資": "薪資",
    "線索": "潛在商機",
    "視頻": "影片",
    "軟件": "軟體",
    "數據": "資料",
    "服務器": "伺服器",
    "登錄": "登入",
    "菜單": "選單",
    "模板": "範本",
    "激活": "啟用",
    "鏈接": "連結",
    "界面": "介面",
    "屏幕": "螢幕",
    "批量": "批次",
    "視圖": "檢視",
    "搜索": "搜尋",
    "優化": "最佳化",
    "緩存": "快取",
    "實時": "即時",
    "重置": "重設",
    # Wrong simplified-to-traditional conversions (只 "only" is not 隻 "a measure word").
    "隻有": "只有",
    "隻能": "只能",
    "隻需": "只需",
}

ROOT = pathlib.Path(__file__).resolve().parent.parent


# Words that contain a glossary term across a word boundary (員工|資料 is not 工資).
KEEP = ("員工資",)


def taiwan(text):
    """``text`` with every mainland-only term replaced by its Taiwan term."""
    kept = {word: f"\x00{index}\x00" for index, word in enumerate(KEEP)}
    for word, mark in kept.items():
        text = text.replace(word, mark)
    for mainland, taiwan_term in GLOSSARY.items():
        text = text.replace(mainland, taiwan_term)
    for word, mark in kept.items():
        text = text.replace(mark, word)
    return text


def fix_po(path, check=False):
    """Rewrite the msgstr lines of one zh_TW.po; return the offending (line number, text)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    in_msgstr = False
    found = []
    for index, line in enumerate(lines):
        if line.startswith("msgstr"):
            in_msgstr = True
        elif not line.startswith('"'):
            in_msgstr = False
        if in_msgstr and taiwan(line) != line:
            found.append((index + 1, line.strip()))
            lines[index] = taiwan(line)
    if found and not check:
        path.write_text("".join(lines), encoding="utf-8")
    return found


def main(argv):
    check = "--check" in argv
    total = 0
    for path in sorted(ROOT.glob("addons/*/i18n/zh_TW.po")):
        for number, text in fix_po(path, check=check):
            total += 1
            print(f"{path.relative_to(ROOT)}:{number}: {text}")
    if check and total:
        print(f"{total} zh_TW lines use mainland wording: run scripts/zh_tw_glossary.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
