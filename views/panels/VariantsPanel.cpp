#include "views/panels/VariantsPanel.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include "views/commands/VariantCommand.h"
#include "views/document/DesignDocument.h"

namespace sw::views {

VariantsPanel::VariantsPanel(DesignDocument* doc, QWidget* parent) : QWidget(parent), doc_(doc), list_(new QListWidget(this)) {
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(8, 6, 8, 8);
    v->setSpacing(6);
    list_->setFrameShape(QFrame::NoFrame);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Long names that differ at the end ("Checkout: reserved ... 2027") stay apart.
    list_->setTextElideMode(Qt::ElideMiddle);
    list_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    v->addWidget(list_, 1);
    auto* row = new QHBoxLayout;
    row->setSpacing(4);
    auto button = [this, row](const QString& text, const QString& tip) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        row->addWidget(b);
        return b;
    };
    connect(button(tr("New from current"), tr("Copy the current variant to try a what-if")), &QToolButton::clicked, this,
            &VariantsPanel::duplicateCurrent);
    connect(button(tr("Delete"), tr("Delete the current variant")), &QToolButton::clicked, this, &VariantsPanel::deleteCurrent);
    connect(button(QStringLiteral("↑"), tr("Move the current variant up")), &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(button(QStringLiteral("↓"), tr("Move the current variant down")), &QToolButton::clicked, this, [this] { moveCurrent(1); });
    row->addStretch(1);
    connect(button(tr("Compare"), tr("Compare the variants side by side")), &QToolButton::clicked, this,
            &VariantsPanel::compareRequested);
    v->addLayout(row);

    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0) doc_->setCurrentVariant(row);
    });
    connect(list_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const int i = list_->row(item);
        const std::string name = item->text().trimmed().toStdString();
        if (i < 0 || name.empty() || name == doc_->project().variants[static_cast<std::size_t>(i)].name) return;
        if (doc_->project().findVariant(name)) {   // names are unique in a project
            QMetaObject::invokeMethod(this, &VariantsPanel::refresh, Qt::QueuedConnection);
            return;
        }
        Design d;
        d.name = name;
        doc_->undoStack()->push(new VariantCommand(doc_, VariantCommand::Op::Rename, i, d));
    });
    connect(doc, &DesignDocument::variantsChanged, this, &VariantsPanel::refresh);
    refresh();
}

void VariantsPanel::refresh() {
    const QSignalBlocker block(list_);
    list_->clear();
    for (const Design& d : doc_->project().variants) {
        auto* item = new QListWidgetItem(QString::fromStdString(d.name), list_);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setToolTip(QString::fromStdString(d.name) +
                         (d.description.empty() ? QString() : QStringLiteral("\n\n") + QString::fromStdString(d.description)));
    }
    list_->setCurrentRow(doc_->currentVariant());
}

void VariantsPanel::duplicateCurrent() {
    Design copy = doc_->design();
    std::string base = copy.name + " (copy)";
    std::string name = base;
    for (int n = 2; doc_->project().findVariant(name); ++n) name = base + " " + std::to_string(n);
    copy.name = name;
    doc_->undoStack()->push(new VariantCommand(doc_, VariantCommand::Op::Add, doc_->currentVariant() + 1, copy));
}

void VariantsPanel::deleteCurrent() {
    if (doc_->project().variants.size() < 2) return;
    doc_->undoStack()->push(new VariantCommand(doc_, VariantCommand::Op::Remove, doc_->currentVariant(), Design{}));
}

void VariantsPanel::moveCurrent(int by) {
    const int from = doc_->currentVariant(), to = from + by;
    if (to < 0 || to >= static_cast<int>(doc_->project().variants.size())) return;
    doc_->undoStack()->push(new VariantCommand(doc_, from, to));
}

}  // namespace sw::views
