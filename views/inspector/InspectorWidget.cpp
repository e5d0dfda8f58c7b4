#include "views/inspector/InspectorWidget.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include "model/Catalogue.h"
#include "views/canvas/Format.h"
#include "views/commands/RemoveCommand.h"
#include "views/commands/UpdateCommand.h"
#include "views/document/DesignDocument.h"
#include "views/document/LiveAnalysis.h"
#include "views/inspector/NumberField.h"
#include "views/inspector/WheelGuard.h"
#include "views/theme/Icons.h"

namespace sw::views {
namespace {
QString qs(std::string_view v) { return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size())); }

template <class Owner>
QString rangeText(const FieldSpec<Owner>& f) {
    return QStringLiteral("%1 … %2").arg(QString::fromStdString(formatNumber(f.min)), QString::fromStdString(formatNumber(f.max)));
}
}  // namespace

InspectorWidget::InspectorWidget(DesignDocument* doc, LiveAnalysis* analysis, QWidget* parent)
    : QScrollArea(parent), doc_(doc), analysis_(analysis) {
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const auto refreshIf = [this](Subject s) {
        return [this, s](const QString& id) {
            if (subject_ == s && id.toStdString() == id_) refresh();
        };
    };
    connect(doc, &DesignDocument::componentChanged, this, refreshIf(Subject::Component));
    connect(doc, &DesignDocument::linkChanged, this, refreshIf(Subject::Link));
    connect(doc, &DesignDocument::regionChanged, this, refreshIf(Subject::Region));
    connect(doc, &DesignDocument::zoneChanged, this, refreshIf(Subject::Zone));
    connect(doc, &DesignDocument::workloadChanged, this, [this] {
        if (subject_ == Subject::Design) refresh();
    });
    connect(doc, &DesignDocument::designTextChanged, this, [this] {
        if (subject_ == Subject::Design) refresh();
    });
    connect(doc, &DesignDocument::designReset, this, [this] {
        subject_ = Subject::Design;
        id_.clear();
        count_ = 0;
        rebuild();
    });
    if (analysis_) connect(analysis_, &LiveAnalysis::updated, this, &InspectorWidget::refreshFigures);
    rebuild();
}

void InspectorWidget::setSelection(const Selection& s) {
    const int n = static_cast<int>(s.components.size() + s.links.size() + s.regions.size() + s.zones.size());
    Subject subject = Subject::Design;
    std::string id;
    if (n > 1) subject = Subject::Many;
    else if (!s.components.empty()) subject = Subject::Component, id = *s.components.begin();
    else if (!s.links.empty()) subject = Subject::Link, id = *s.links.begin();
    else if (!s.regions.empty()) subject = Subject::Region, id = *s.regions.begin();
    else if (!s.zones.empty()) subject = Subject::Zone, id = *s.zones.begin();
    if (subject == subject_ && id == id_ && n == count_ && body_) return;
    subject_ = subject;
    id_ = id;
    count_ = n;
    rebuild();
}

void InspectorWidget::clearForm() {
    fields_.clear();
    refreshers_.clear();
    nameEdit_ = nullptr;
    problems_ = nullptr;
    figures_ = nullptr;
    if (body_) body_->deleteLater();
    body_ = new QWidget;
    layout_ = new QVBoxLayout(body_);
    layout_->setContentsMargins(14, 12, 14, 12);
    layout_->setSpacing(10);
}

QFormLayout* InspectorWidget::section(const QString& title) {
    auto* label = new QLabel(title.toUpper(), body_);
    QFont f = label->font();
    f.setPixelSize(10);
    f.setBold(true);
    f.setLetterSpacing(QFont::AbsoluteSpacing, 0.8);
    label->setFont(f);
    label->setForegroundRole(QPalette::PlaceholderText);
    layout_->addSpacing(4);
    layout_->addWidget(label);
    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setHorizontalSpacing(10);
    form->setVerticalSpacing(6);
    layout_->addLayout(form);
    return form;
}

void InspectorWidget::addHeader(const QIcon& icon, const QString& title, const QString& subtitle) {
    auto* row = new QHBoxLayout;
    row->setSpacing(10);
    auto* iconLabel = new QLabel(body_);
    iconLabel->setPixmap(icon.pixmap(QSize(34, 34), devicePixelRatioF()));
    row->addWidget(iconLabel);
    // Two labels with palette roles (rich text knows no palette colours), so
    // the subtitle follows the theme with a legible contrast.
    auto* titleLabel = new QLabel(title, body_);
    titleLabel->setObjectName(QStringLiteral("inspectorTitle"));
    QFont tf = titleLabel->font();
    tf.setPixelSize(14);
    tf.setWeight(QFont::DemiBold);
    titleLabel->setFont(tf);
    titleLabel->setWordWrap(true);
    auto* subtitleLabel = new QLabel(subtitle, body_);
    subtitleLabel->setObjectName(QStringLiteral("inspectorSubtitle"));
    QFont sf = subtitleLabel->font();
    sf.setPixelSize(11);
    subtitleLabel->setFont(sf);
    subtitleLabel->setForegroundRole(QPalette::PlaceholderText);
    subtitleLabel->setWordWrap(true);
    auto* text = new QVBoxLayout;
    text->setSpacing(1);
    text->addWidget(titleLabel);
    text->addWidget(subtitleLabel);
    row->addLayout(text, 1);
    layout_->addLayout(row);
    problems_ = new QLabel(body_);
    problems_->setWordWrap(true);
    problems_->setVisible(false);
    problems_->setStyleSheet(QStringLiteral("QLabel { color: #b91c1c; background: rgba(220,38,38,0.08); "
                                            "border: 1px solid rgba(220,38,38,0.35); border-radius: 6px; padding: 6px; }"));
    layout_->addWidget(problems_);
}

QLineEdit* InspectorWidget::addText(QFormLayout* form, const QString& label, std::function<std::string()> get,
                                    std::function<void(const std::string&)> set) {
    auto* edit = new QLineEdit(body_);
    form->addRow(label, edit);
    refreshers_.push_back([edit, get] {
        if (!edit->hasFocus()) edit->setText(QString::fromStdString(get()));
    });
    connect(edit, &QLineEdit::editingFinished, this, [edit, get, set] {
        const std::string v = edit->text().trimmed().toStdString();
        if (v != get()) set(v);
    });
    return edit;
}

void InspectorWidget::addCombo(QFormLayout* form, const QString& label, const QStringList& keys,
                               const QStringList& labels, std::function<QString()> get,
                               std::function<void(const QString&)> set, bool editable) {
    auto* combo = new QComboBox(body_);
    combo->setEditable(editable);
    takeWheelOnlyWhenFocused(combo);
    // Long item labels must not widen the form past the dock (and cut the figures).
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
    for (int i = 0; i < keys.size(); ++i) combo->addItem(labels.value(i, keys[i]), keys[i]);
    form->addRow(label, combo);
    refreshers_.push_back([combo, get] {
        const QSignalBlocker b(combo);
        const int i = combo->findData(get());
        if (i >= 0) combo->setCurrentIndex(i);
        else combo->setEditText(get());
    });
    connect(combo, &QComboBox::activated, this, [combo, get, set](int i) {
        const QString v = combo->isEditable() && combo->itemText(i) != combo->currentText() ? combo->currentText()
                                                                                            : combo->itemData(i).toString();
        if (v != get()) set(v);
    });
}

template <class Owner>
void InspectorWidget::addNumbers(QFormLayout* form, std::span<const FieldSpec<Owner>> specs,
                                 std::function<const Owner*()> get, std::function<void(Owner&)> commit,
                                 std::function<bool(const FieldSpec<Owner>&)> applies) {
    for (const FieldSpec<Owner>& spec : specs) {
        if (!applies(spec)) continue;
        const FieldSpec<Owner>* f = &spec;   // the tables are static
        auto* field = new NumberField(qs(f->unit), rangeText(*f), [f](double v) -> std::optional<QString> {
            if (auto why = rangeProblem(*f, v)) return QString::fromStdString(*why);
            return std::nullopt;
        }, body_);
        auto* label = new QLabel(qs(f->label), body_);
        if (!f->help.empty()) label->setToolTip(qs(f->help)), field->setToolTip(qs(f->help));
        form->addRow(label, field);
        fields_.insert(qs(f->key), field);
        refreshers_.push_back([field, f, get] {
            if (const Owner* o = get()) field->setValue(f->get(*o));
        });
        connect(field, &NumberField::committed, this, [f, get, commit](double v) {
            const Owner* o = get();
            if (!o) return;
            Owner copy = *o;
            f->set(copy, v);
            commit(copy);
        });
    }
}

void InspectorWidget::push(Fragment before, Fragment after, const QString& text) {
    doc_->undoStack()->push(new UpdateCommand(doc_, std::move(before), std::move(after), text));
}

void InspectorWidget::rebuild() {
    clearForm();
    switch (subject_) {
    case Subject::Design: buildDesign(); break;
    case Subject::Component: buildComponent(); break;
    case Subject::Link: buildLink(); break;
    case Subject::Region: buildRegion(); break;
    case Subject::Zone: buildZone(); break;
    case Subject::Many:
        addHeader(namedIcon(QStringLiteral("tool_select")), tr("%1 items selected").arg(count_),
                  tr("Align, distribute, duplicate or delete them from the Arrange and Edit menus"));
        break;
    }
    layout_->addStretch(1);
    setWidget(body_);
    refresh();
}

void InspectorWidget::refresh() {
    for (const auto& r : refreshers_) r();
    refreshFigures();
}

void InspectorWidget::buildDesign() {
    addHeader(namedIcon(QStringLiteral("app")), QString::fromStdString(doc_->design().name), tr("Design and workload"));
    QFormLayout* general = section(tr("Design"));
    nameEdit_ = addText(general, tr("Name"), [this] { return doc_->design().name; }, [this](const std::string& v) {
        Fragment b, a;
        b.name = doc_->design().name;
        a.name = v;
        push(b, a, tr("Rename design"));
    });
    addText(general, tr("Description"), [this] { return doc_->design().description; }, [this](const std::string& v) {
        Fragment b, a;
        b.description = doc_->design().description;
        a.description = v;
        push(b, a, tr("Edit description"));
    });
    addNumbers<Workload>(section(tr("Workload")), workloadFields(), [this] { return &doc_->design().workload; },
                         [this](Workload& w) {
                             Fragment b, a;
                             b.workload = doc_->design().workload;
                             a.workload = w;
                             push(b, a, tr("Edit workload"));
                         },
                         [](const FieldSpec<Workload>&) { return true; });
}

// The forms in InspectorForms.cpp use these.
template void InspectorWidget::addNumbers<ComponentParams>(QFormLayout*, std::span<const FieldSpec<ComponentParams>>,
    std::function<const ComponentParams*()>, std::function<void(ComponentParams&)>,
    std::function<bool(const FieldSpec<ComponentParams>&)>);
template void InspectorWidget::addNumbers<LinkParams>(QFormLayout*, std::span<const FieldSpec<LinkParams>>,
    std::function<const LinkParams*()>, std::function<void(LinkParams&)>, std::function<bool(const FieldSpec<LinkParams>&)>);
template void InspectorWidget::addNumbers<RegionParams>(QFormLayout*, std::span<const FieldSpec<RegionParams>>,
    std::function<const RegionParams*()>, std::function<void(RegionParams&)>,
    std::function<bool(const FieldSpec<RegionParams>&)>);
template void InspectorWidget::addNumbers<ZoneParams>(QFormLayout*, std::span<const FieldSpec<ZoneParams>>,
    std::function<const ZoneParams*()>, std::function<void(ZoneParams&)>, std::function<bool(const FieldSpec<ZoneParams>&)>);

}  // namespace sw::views
