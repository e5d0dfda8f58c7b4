#include "views/report/ReportPages.h"

#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

#include <algorithm>
#include <cmath>

#include "views/report/ReportPlot.h"

namespace sw::views::report {

namespace {

bool isHeading(const QTextBlock& b) { return b.blockFormat().headingLevel() > 0; }

// A block that must not end a page: a heading, a chart's caption, or the
// lead paragraph right under a heading.
bool isSticky(const QTextBlock& b) {
    if (isHeading(b) || b.blockFormat().boolProperty(kKeepWithNextProperty)) return true;
    const QTextBlock prev = b.previous();
    return prev.isValid() && isHeading(prev) && !QTextCursor(b).currentTable() && !b.text().trimmed().isEmpty();
}

// The block whose page must equal the sticky block's: the next non-empty
// block, or for a table its third row (header and two rows stay together).
QTextBlock partner(const QTextBlock& sticky) {
    QTextBlock n = sticky.next();
    while (n.isValid() && n.text().trimmed().isEmpty() && !QTextCursor(n).currentTable()) n = n.next();
    if (!n.isValid()) return n;
    if (QTextTable* t = QTextCursor(n).currentTable()) {
        const int row = std::min(2, t->rows() - 1);
        return t->cellAt(row, 0).firstCursorPosition().block();
    }
    return n;
}

}  // namespace

int pageOf(const QTextDocument& doc, const QTextBlock& block) {
    const double h = doc.pageSize().height();
    if (h <= 0) return 0;
    // A line that did not fit is pushed to the next page while its block
    // stays where it began: in the body, go by the first line. In a table a
    // row moves whole, and the block's rectangle is where it went.
    double top = doc.documentLayout()->blockBoundingRect(block).top();
    const QTextLayout* layout = block.layout();
    if (!QTextCursor(block).currentTable() && layout && layout->lineCount() > 0)
        top = layout->position().y() + layout->lineAt(0).y();
    return static_cast<int>(std::floor((top + 0.5) / h));
}

int keepHeadingsWithTheirText(QTextDocument& doc) {
    // Each pass fixes the first orphan in document order (a break moves
    // everything after it); bounded, as a run longer than a page cannot be kept.
    for (int pass = 0; pass < 500; ++pass) {
        doc.pageCount();   // lays out
        bool moved = false;
        for (QTextBlock b = doc.begin(); b.isValid() && !moved; b = b.next()) {
            if (!isSticky(b)) continue;
            const QTextBlock p = partner(b);
            if (!p.isValid() || pageOf(doc, p) == pageOf(doc, b)) continue;
            QTextBlock start = b;   // the run of sticky blocks this one ends
            while (start.previous().isValid() && isSticky(start.previous()) && !QTextCursor(start.previous()).currentTable())
                start = start.previous();
            QTextBlockFormat f = start.blockFormat();
            if (f.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore) continue;   // already heads a page
            f.setPageBreakPolicy(f.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
            QTextCursor(start).setBlockFormat(f);
            moved = true;
        }
        if (!moved) break;
    }
    return doc.pageCount();
}

void repeatTableHeaders(QTextDocument& doc) {
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        QTextTable* t = QTextCursor(b).currentTable();
        if (!t || t->cellAt(b.position()).row() != 0 || t->cellAt(b.position()).column() != 0) continue;
        if (t->rows() < 2) continue;
        QTextTableFormat f = t->format();
        if (f.headerRowCount() == 1) continue;
        f.setHeaderRowCount(1);
        t->setFormat(f);
    }
}

QTextTable* contentsTable(QTextDocument& doc) {
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        if (QTextTable* t = QTextCursor(b).currentTable()) return t;
    return nullptr;
}

void markHeadings(QTextDocument& doc, int diagramRow, int slotHeading) {
    int heading = 0, row = 0;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() != 2) continue;
        if (row == diagramRow) ++row;
        QTextBlockFormat f = b.blockFormat();
        f.setProperty(kContentsRowProperty, row++);
        if (heading == slotHeading) {
            f.setProperty(kDiagramSlotProperty, true);
            f.setPageBreakPolicy(f.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
        }
        ++heading;
        QTextCursor(b).setBlockFormat(f);
    }
}

PageMap mapPages(QTextDocument& doc, int documentPages, int diagramPages) {
    PageMap m;
    m.documentPages = documentPages;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        if (b.blockFormat().boolProperty(kDiagramSlotProperty)) {
            m.slotPage = pageOf(doc, b);
            m.diagramPages = diagramPages;
            break;
        }
    if (m.slotPage < 0 && diagramPages > 0) {   // no slot heading: the diagram goes last
        m.slotPage = documentPages;
        m.diagramPages = diagramPages;
    }
    return m;
}

QVector<ContentsEntry> contentsEntries(QTextDocument& doc, const PageMap& pages, int diagramRow) {
    QTextTable* toc = contentsTable(doc);
    if (!toc) return {};
    QVector<ContentsEntry> entries(toc->rows());
    for (int r = 0; r < toc->rows(); ++r)
        entries[r].cell = doc.documentLayout()->blockBoundingRect(toc->cellAt(r, 1).firstCursorPosition().block());
    if (diagramRow >= 0 && diagramRow < toc->rows() && pages.diagramPages > 0) entries[diagramRow].page = pages.slotPage + 1;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        const QVariant row = b.blockFormat().property(kContentsRowProperty);
        if (row.isValid() && row.toInt() >= 0 && row.toInt() < toc->rows())
            entries[row.toInt()].page = pages.printedOf(pageOf(doc, b));
    }
    return entries;
}

}  // namespace sw::views::report
