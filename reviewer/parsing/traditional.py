"""Traditional-Chinese mirror pages (繁體: 收到和處理政府信息公開申請情況): read with the format's simplified labels.

Each traditional character that the form's labels, titles and metadata words use is folded into its simplified
form, one character for one, so every span still points at the printed text. The reviewer still sees the page as
printed (`Record.text`); only the reading is folded.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice

from reviewer.model import Cell, Document

# traditional → simplified, the characters of the national forms' labels and titles, the section titles, the
# report's title and period, and the agency words (局 委员会 办公室 街道 …)
PAIRS = (
    "萬万 與与 業业 舉举 於于 會会 關关 決决 況况 減减 處处 複复 復复 辦办 務务 動动 區区 單单 發发 後后 國国 審审 對对 屬属"
    " 應应 廢废 開开 強强 當当 總总 執执 擴扩 護护 報报 據据 數数 無无 機机 權权 條条 構构 沒没 現现 礎础 確确 種种 穩稳 類类"
    " 糾纠 納纳 組组 織织 經经 結结 繼继 續续 維维 繳缴 罰罚 範范 獲获 補补 規规 計计 訂订 認认 議议 許许 訟讼 訪访 訴诉 試试"
    " 詢询 請请 購购 費费 轉转 過过 這这 採采 項项 額额 內内 製制 體体 問问 題题 進进 個个 統统 點点 間间 時时 說说 説说 為为"
    " 職职 責责 門门 縣县 鄉乡 鎮镇 級级 廳厅 協协 員员 衛卫 財财 稅税 資资 場场 監监 醫医 療疗 藥药 農农 環环 歸归 勞劳 導导"
    " 黨党 紀纪 檢检 訊讯 網网 絡络 號号 頁页 圖图 書书 檔档 劃划 戶户 產产 聯联 廣广 東东 與与 車车 電电 鐵铁 質质 險险 觀观"
    " 則则 準准 據据 備备 傳传 價价 億亿 條条 縣县 覆复 週周 們们 來来 於于 實实 際际 際际 況况 選选 舉举 邊边 運运 達达 遞递"
    " 讓让 識识 證证 譯译 變变 讀读 論论 設设 評评 詳详 誤误 調调 談谈 諮咨 謝谢 講讲 議议 貿贸 賬账 質质 費费 較较 輸输 辭辞"
    " 農农 邊边 鄰邻 醫医 釋释 錄录 鑒鉴 長长 閱阅 陸陆 陽阳 隊队 際际 雜杂 雙双 難难 響响 頒颁 領领 頻频 顧顾 風风 飛飞 養养"
    " 館馆 駐驻 體体 髮发 鬥斗 黃黄 齊齐 龍龙 壓压 壯壮 聲声 處处 簡简 築筑 節节 範范 紅红 級级 線线 練练 缺缺 罷罢 義义 習习"
    " 專专 將将 層层 嶺岭 幣币 師师 帳帐 廠厂 廟庙 徵征 態态 懷怀 戰战 擇择 擔担 據据 攝摄 敵敌 斷断 樂乐 標标 樣样 樹树 橋桥"
    " 歷历 歲岁 殘残 決决 沒没 滿满 漢汉 濟济 災灾 熱热 燈灯 爭争 獨独 環环 畢毕 畫画 疊叠 發发 盡尽 監监 碼码 確确 禮礼 離离"
    " 積积 穩稳 竊窃 筆笔 籌筹 糧粮 緊紧 總总 繫系 罰罚 聞闻 肅肃 膽胆 興兴 舊旧 莊庄 華华 萬万 葉叶 蘇苏 蘭兰 處处 號号 蟲虫"
)
_FOLD: dict[int, str] = {ord(pair[0]): pair[1] for pair in PAIRS.split() if pair[0] != pair[1]}
_TRADITIONAL = frozenset(chr(k) for k in _FOLD)
_ENOUGH = 12  # traditional characters that make a page a traditional one (a stray 於 in simplified text does not)
_FIND = re.compile("[" + "".join(sorted(_TRADITIONAL)) + "]")  # scanned in C: a simplified page costs next to nothing


def fold(text: str) -> str:
    """The text with its traditional characters simplified, one for one (same length, same offsets)."""
    return text.translate(_FOLD)


def fold_document(doc: Document) -> Document | None:
    """The document read with simplified characters, when it is printed in traditional ones; else None."""
    if sum(1 for _ in islice(_FIND.finditer(doc.text), _ENOUGH)) < _ENOUGH:
        return None
    rows = [[Cell(fold(c.text), c.start, c.end) for c in row] for row in doc.rows]
    return replace(doc, text=fold(doc.text), rows=rows)
