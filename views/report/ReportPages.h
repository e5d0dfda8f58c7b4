// How the report's text falls on pages: headings and chart captions never sit
// alone at the foot of a page (each keeps the start of what follows: a
// lead paragraph, the first rows of a table, the chart), tables repeat their
// header row on every page they span, and the table of contents is filled
// with the pages the headings landed on. Works on a laid-out QTextDocument
// whose page size is set; formats only, no content.
#pragma once

#include <QRectF>
#include <QTextFormat>
#include <QVector>

class QTextBlock;
class QTextDocument;
class QTextTable;

namespace sw::views::report {

// On a heading: its row in the contents table.
inline constexpr int kContentsRowProperty = QTextFormat::UserProperty + 4;
// On the heading the diagram's pages are printed before (it starts a page).
inline constexpr int kDiagramSlotProperty = QTextFormat::UserProperty + 5;

// The 0-based page the block's first line is on.
int pageOf(const QTextDocument& doc, const QTextBlock& block);

// Breaks the page before every heading (or caption) that would otherwise be
// cut off from what follows it; lays the document out again after each
// break until none is. Returns the page count.
int keepHeadingsWithTheirText(QTextDocument& doc);

// Every table repeats its first row (the header) on each page it spans.
void repeatTableHeaders(QTextDocument& doc);

// The contents table: the document's first table (the title block has none).
QTextTable* contentsTable(QTextDocument& doc);

// Marks the headings (level 2, in order) with their contents rows, skipping
// `diagramRow` (-1: none), and marks heading `slotHeading` as the diagram's slot.
void markHeadings(QTextDocument& doc, int diagramRow, int slotHeading);

// Where the printed pages come from: the document's pages, with
// `diagramPages` pages of diagram printed before the slot heading's page.
struct PageMap {
    int documentPages = 0;
    int slotPage = -1;       // document page the diagram pages go before (-1: none)
    int diagramPages = 0;
    int printed() const { return documentPages + diagramPages; }
    int printedOf(int documentPage) const {   // 1-based printed page number
        return documentPage + 1 + (slotPage >= 0 && documentPage >= slotPage ? diagramPages : 0);
    }
};
PageMap mapPages(QTextDocument& doc, int documentPages, int diagramPages);

// A row of the contents: the printed page of its heading (the diagram's row,
// `diagramRow`, gets the first diagram page) and where that number goes
// (the row's page cell, document coordinates). The printer paints the
// numbers into the laid-out page: writing them into the document would lay
// a big report out again for digits that change no line.
struct ContentsEntry {
    int page = 0;
    QRectF cell;
};
QVector<ContentsEntry> contentsEntries(QTextDocument& doc, const PageMap& pages, int diagramRow);

}  // namespace sw::views::report
