<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BuyView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_view.py" line="261"/>
        <source>%n recipients</source>
        <translation>
            <numerusform>%n recipient</numerusform>
            <numerusform>%n recipients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_view.py" line="263"/>
        <source>%n orders</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_view.py" line="264"/>
        <source>%n orders cancelled</source>
        <translation>
            <numerusform>%n order cancelled</numerusform>
            <numerusform>%n orders cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_view.py" line="288"/>
        <source>%n units to give</source>
        <translation>
            <numerusform>%n unit to give</numerusform>
            <numerusform>%n units to give</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BuysPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buys_page.py" line="308"/>
        <source>KuaiTuanTuan export imported: %n orders, %1 households matched, %2 added, %3 warnings.</source>
        <translation>
            <numerusform>KuaiTuanTuan export imported: %n order, %1 households matched, %2 added, %3 warnings.</numerusform>
            <numerusform>KuaiTuanTuan export imported: %n orders, %1 households matched, %2 added, %3 warnings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChainDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_imports.py" line="290"/>
        <source>Import %n orders</source>
        <translation>
            <numerusform>Import %n order</numerusform>
            <numerusform>Import %n orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KttPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_imports.py" line="356"/>
        <source>Nothing has been written yet. “%1” (group leader %2) holds %n orders of %3 items, %4 units in all.</source>
        <translation>
            <numerusform>Nothing has been written yet. “%1” (group leader %2) holds %n order of %3 items, %4 units in all.</numerusform>
            <numerusform>Nothing has been written yet. “%1” (group leader %2) holds %n orders of %3 items, %4 units in all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_imports.py" line="432"/>
        <source>Import %n orders</source>
        <translation>
            <numerusform>Import %n order</numerusform>
            <numerusform>Import %n orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KttResultDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/buy_imports.py" line="521"/>
        <source>Imported into %1, “%2”: %n orders (%3 new, %4 changed, %5 unchanged). Households: %6 matched in the roster, %7 added.</source>
        <translation>
            <numerusform>Imported into %1, “%2”: %n order (%3 new, %4 changed, %5 unchanged). Households: %6 matched in the roster, %7 added.</numerusform>
            <numerusform>Imported into %1, “%2”: %n orders (%3 new, %4 changed, %5 unchanged). Households: %6 matched in the roster, %7 added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewDistributionDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="134"/>
        <source>%n households</source>
        <translation>
            <numerusform>%n household</numerusform>
            <numerusform>%n households</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/buys/distribution_dialogs.py" line="135"/>
        <source>%n packs</source>
        <translation>
            <numerusform>%n pack</numerusform>
            <numerusform>%n packs</numerusform>
        </translation>
    </message>
</context>
</TS>
