"""A KuaiTuanTuan (快团团) order export (.xlsx) becomes one group buy with its items and orders.

The export's sheet 顾客购买表 has one row per item of an order; the order (跟团号) spans several rows
whose address and money cells are often empty (merged on export). Columns come in any order, with
extra and organiser-defined ones (`楼号（如10）`, `房号（如606）`). A sheet 商品汇总表 may give unit
prices. Orders were paid on the platform: that payment is recorded as the order's 订单金额 less its
退款金额. Importing the same export again changes nothing; a later export of the same 团 adds its new
orders and corrects changed ones.

An item is a 商品, or a 商品 and its 规格 where the same 商品 comes in several (`冰淇淋黄心西瓜(每箱四斤)`).
Its unit price is what its own rows say (商品金额 ÷ 数量); 商品汇总表 gives the price only of an item
whose rows do not, and where the two disagree the rows win, with a warning. Its storage class is a
guess from the thing the name names (the end of the name: 冰淇淋黄心西瓜 is a watermelon), which the
volunteer may change before saving.

Decisions where the export is silent: the buy is opened (status open) so orders taken at the table
can join it; the 团长 named in the export is the buy's organiser, never its supplier, who is given by
the volunteer or else recorded as unknown with a warning. A household with several 跟团号 keeps
them as separate orders; its money is settled over all of them (see `payments`).

Limits, refused before any work with one sentence: sheets that unpack past 200 MB, more than
MAX_ROWS rows, more than MAX_NEW_HOUSEHOLDS households to add in one import.

The import is three steps, one module each: `reading` turns the workbook into a checked
`KttExport` without touching the database; `placing` finds (or plans) the household of each order;
`writing` saves it all in one transaction through the order and payment services' bulk doors, so
an import is held to the same rules as an order taken at the table.
"""

from desktop.buys.ktt.placing import KttPlan, NewHousehold, UnplacedOrder, mask_phone, plan_export
from desktop.buys.ktt.reading import KttExport, guess_storage, read_export, storage_choices
from desktop.buys.ktt.writing import ImportedItem, KttImportResult, import_export, save_export

__all__ = [
    "ImportedItem", "KttExport", "KttImportResult", "KttPlan", "NewHousehold", "UnplacedOrder",
    "guess_storage", "import_export", "mask_phone", "plan_export", "read_export", "save_export",
    "storage_choices",
]
