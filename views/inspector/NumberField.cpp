#include "views/inspector/NumberField.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

#include <cmath>

#include "model/FieldSpec.h"

namespace sw::views {

NumberField::NumberField(const QString& unit, const QString& rangeText, Check check, QWidget* parent)
    : QWidget(parent), edit_(new QLineEdit(this)), unit_(new QLabel(unit, this)), error_(new QLabel(this)),
      check_(std::move(check)) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(2);
    grid->addWidget(edit_, 0, 0);
    grid->addWidget(unit_, 0, 1);
    grid->addWidget(error_, 1, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    unit_->setMinimumWidth(unit.isEmpty() ? 0 : 28);
    unit_->setForegroundRole(QPalette::PlaceholderText);
    edit_->setPlaceholderText(rangeText);
    edit_->setToolTip(tr("Range: %1").arg(rangeText));
    edit_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    error_->setWordWrap(true);
    error_->setVisible(false);
    error_->setStyleSheet(QStringLiteral("color: #dc2626; font-size: 11px;"));
    connect(edit_, &QLineEdit::editingFinished, this, &NumberField::commitText);
    connect(edit_, &QLineEdit::textEdited, this, [this] {
        if (error_->isVisible()) showError({});
    });
}

QString NumberField::error() const { return error_->isVisible() ? error_->text() : QString(); }

void NumberField::showError(const QString& why) {
    error_->setText(why);
    error_->setVisible(!why.isEmpty());
    edit_->setStyleSheet(why.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1.5px solid #dc2626; border-radius: 3px; padding: 1px 3px; }"));
}

void NumberField::setValue(double v) {
    value_ = v;
    if (!error().isEmpty() && edit_->hasFocus()) return;
    showError({});
    // Whole numbers in full ("300000000", not "3e+08"); others in shortest round-trip form.
    const bool whole = std::isfinite(v) && v == std::floor(v) && std::abs(v) < 1e15;
    edit_->setText(whole ? QString::number(v, 'f', 0) : QString::fromStdString(formatNumber(v)));
}

void NumberField::commitText() {
    const QString text = edit_->text().trimmed();
    bool ok = false;
    double v = QLocale::c().toDouble(text, &ok);
    if (!ok) v = QLocale().toDouble(text, &ok);
    if (!ok) {
        showError(text.isEmpty() ? tr("Enter a number.") : tr("'%1' is not a number.").arg(text));
        return;
    }
    if (auto why = check_(v)) {
        showError(*why);
        return;
    }
    showError({});
    if (v != value_) {
        value_ = v;
        emit committed(v);
    }
}

}  // namespace sw::views
