#include "gui/FigureEditor.h"

#include "core/FigureEditing.h"
#include "gui/FigureArt.h"
#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dcbuffer.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/slider.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <cmath>
#include <memory>

namespace sp::gui {

// The figure as the handout draws it, with the joint being turned marked.
class FigurePreview : public wxPanel {
public:
    explicit FigurePreview(wxWindow* parent) : wxPanel(parent, wxID_ANY)
    {
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        SetMinSize(FromDIP(wxSize(360, 240)));
        Bind(wxEVT_PAINT, &FigurePreview::onPaint, this);
        Bind(wxEVT_SIZE, [this](wxSizeEvent& e) { Refresh(); e.Skip(); });
    }
    void show(const std::optional<Figure>& figure, std::size_t pose, std::optional<Joint> joint)
    {
        m_figure = figure;
        m_pose = pose;
        m_joint = joint;
        Refresh();
    }

private:
    void onPaint(wxPaintEvent&)
    {
        wxAutoBufferedPaintDC dc(this);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        const wxSize size = GetClientSize();
        if (!m_figure || m_figure->poses.empty()) {
            dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            dc.DrawLabel(_("No line figure"), wxRect(size), wxALIGN_CENTER);
            return;
        }
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        if (!gc)
            return;
        const double pad = FromDIP(8);
        const wxRect2DDouble area(pad, pad, size.x - 2 * pad, size.y - 2 * pad);
        drawFigure(*gc, *m_figure, area, true);
        // drawFigure's layout: square panels side by side, centred, labels below.
        const double count = static_cast<double>(m_figure->poses.size());
        const double side = std::max(1.0, std::min(area.m_width / count, area.m_height - 18.0));
        const double left = area.m_x + (area.m_width - side * count) / 2 + side * static_cast<double>(m_pose);
        gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(wxColour(42, 111, 151)).Width(1.0).Style(wxPENSTYLE_SHORT_DASH)));
        gc->SetBrush(*wxTRANSPARENT_BRUSH);
        gc->DrawRectangle(left + 1, area.m_y, side - 2, side);
        if (m_pose < m_figure->poses.size() && m_joint) {
            const auto& joints = m_figure->poses[m_pose].joints;
            if (const auto it = joints.find(*m_joint); it != joints.end()) {
                const double scale = side / (kFigureMax - kFigureMin);
                const double x = left + (it->second.x - kFigureMin) * scale;
                const double y = area.m_y + (kFigureMax - it->second.y) * scale;
                const double r = FromDIP(5);
                gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(wxColour(200, 60, 40)).Width(2.0)));
                gc->DrawEllipse(x - r, y - r, 2 * r, 2 * r);
            }
        }
    }

    std::optional<Figure> m_figure;
    std::size_t m_pose = 0;
    std::optional<Joint> m_joint;
};

namespace {

Figure presetStanding()
{
    Pose p;
    p.label = "Standing";
    p.joints = {{Joint::Head, {50, 89}},     {Joint::Neck, {50, 81}},      {Joint::Pelvis, {50, 50}},
                {Joint::ShoulderL, {50, 79}}, {Joint::ElbowL, {51, 64}},    {Joint::HandL, {53, 50}},
                {Joint::KneeL, {52, 27}},    {Joint::AnkleL, {50, 4}},     {Joint::ToeL, {57, 3}},
                {Joint::ShoulderR, {49, 79}}, {Joint::ElbowR, {48, 64}},    {Joint::HandR, {47, 50}},
                {Joint::KneeR, {48, 27}},    {Joint::AnkleR, {47, 4}},     {Joint::ToeR, {54, 3}}};
    p.props = {{PropKind::Floor, {0, 2}, 0, 0, 0}};
    return Figure{FigureView::Side, {p}};
}

Figure presetLying()
{
    Pose p;
    p.label = "Lying on the back";
    p.joints = {{Joint::Head, {10, 12}},     {Joint::Neck, {18, 10}},      {Joint::Pelvis, {50, 8}},
                {Joint::ShoulderL, {20, 10}}, {Joint::ElbowL, {32, 6}},     {Joint::HandL, {43, 5}},
                {Joint::KneeL, {70, 8}},     {Joint::AnkleL, {90, 6}},     {Joint::ToeL, {92, 12}},
                {Joint::ShoulderR, {20, 9}},  {Joint::ElbowR, {31, 5}},     {Joint::HandR, {42, 4}},
                {Joint::KneeR, {70, 7}},     {Joint::AnkleR, {89, 5}},     {Joint::ToeR, {91, 11}}};
    p.props = {{PropKind::Floor, {0, 3}, 0, 0, 0}};
    return Figure{FigureView::Side, {p}};
}

} // namespace

wxString jointLabel(Joint joint)
{
    switch (joint) {
    case Joint::Head: return _("Head");
    case Joint::Neck: return _("Neck (trunk)");
    case Joint::Chest: return _("Chest");
    case Joint::Pelvis: return _("Pelvis");
    case Joint::ShoulderL: return _("Left shoulder");
    case Joint::ElbowL: return _("Left elbow (upper arm)");
    case Joint::HandL: return _("Left hand (forearm)");
    case Joint::HipL: return _("Left hip");
    case Joint::KneeL: return _("Left knee (thigh)");
    case Joint::AnkleL: return _("Left ankle (shin)");
    case Joint::ToeL: return _("Left toes (foot)");
    case Joint::ShoulderR: return _("Right shoulder");
    case Joint::ElbowR: return _("Right elbow (upper arm)");
    case Joint::HandR: return _("Right hand (forearm)");
    case Joint::HipR: return _("Right hip");
    case Joint::KneeR: return _("Right knee (thigh)");
    case Joint::AnkleR: return _("Right ankle (shin)");
    case Joint::ToeR: return _("Right toes (foot)");
    }
    return wxString();
}

FigureEditor::FigureEditor(wxWindow* parent, const Catalog& catalog) : wxPanel(parent, wxID_ANY)
{
    m_templates.push_back({"preset/standing", _("Basic: standing"), presetStanding()});
    m_templates.push_back({"preset/lying", _("Basic: lying on the back"), presetLying()});
    for (const Exercise& e : catalog.exercises())
        if (e.figure && !e.figure->poses.empty())
            m_templates.push_back({e.qualifiedId(), wxs(e.name) + " (" + wxs(e.pack) + ")", *e.figure});

    m_use = new wxCheckBox(this, wxID_ANY, _("&Draw a line figure"));
    m_template = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(300), -1));
    m_template->Append(_("Start from the figure of…"));
    for (const Template& t : m_templates)
        m_template->Append(t.label);
    m_template->SetSelection(0);
    m_view = new wxChoice(this, wxID_ANY);
    m_view->Append(_("Side view"));
    m_view->Append(_("Front view"));
    m_poses = new wxChoice(this, wxID_ANY);
    m_label = new wxTextCtrl(this, wxID_ANY);
    m_label->SetToolTip(_("The pose's label under its drawing, 1–40 characters"));
    m_joint = new wxChoice(this, wxID_ANY);
    m_angle = new wxSlider(this, wxID_ANY, 0, -180, 180);
    m_angle->SetToolTip(_("The direction of the bone from the joint it hangs from: 0° points right, 90° up"));
    m_angleText = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(FromDIP(44), -1));
    auto* mirror = new wxButton(this, wxID_ANY, _("&Mirror pose"));
    mirror->SetToolTip(_("Face the other way"));
    m_warning = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_warning->SetForegroundColour(wxColour(176, 0, 32));
    m_preview = new FigurePreview(this);

    auto* grid = new wxFlexGridSizer(2, FromDIP(4), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Template")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_template, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&View")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_view, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Pose")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_poses, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Label")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_label, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Joint")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_joint, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Angle")), 0, wxALIGN_CENTER_VERTICAL);
    auto* angleRow = new wxBoxSizer(wxHORIZONTAL);
    angleRow->Add(m_angle, 1, wxALIGN_CENTER_VERTICAL);
    angleRow->Add(m_angleText, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(4));
    grid->Add(angleRow, 1, wxEXPAND);
    grid->AddSpacer(0);
    grid->Add(mirror, 0);
    auto* help = new wxStaticText(this, wxID_ANY,
                                  _("Choose a joint, then turn it with the slider: the limb or trunk that hangs from "
                                    "it turns along, lengths stay. The red ring in the drawing marks the joint, the "
                                    "dashed frame the pose."));
    help->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    help->Wrap(FromDIP(360));

    auto* controls = new wxBoxSizer(wxVERTICAL);
    controls->Add(m_use, 0, wxBOTTOM, FromDIP(6));
    controls->Add(grid, 0, wxEXPAND);
    controls->Add(help, 0, wxTOP, FromDIP(10));
    controls->Add(m_warning, 0, wxEXPAND | wxTOP, FromDIP(6));
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(controls, 0, wxEXPAND | wxRIGHT, FromDIP(12));
    sizer->Add(m_preview, 1, wxEXPAND);
    SetSizer(sizer);

    m_use->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        if (m_use->IsChecked() && !m_figure)
            m_figure = m_templates.front().figure;
        else if (!m_use->IsChecked())
            m_figure.reset();
        m_pose = 0;
        showFigure();
        changed();
    });
    m_template->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int n = m_template->GetSelection();
        if (n > 0)
            useTemplate(m_templates[static_cast<std::size_t>(n - 1)].id);
    });
    m_view->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        setView(m_view->GetSelection() == 1 ? FigureView::Front : FigureView::Side);
    });
    m_poses->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (m_poses->GetSelection() >= 0)
            selectPose(static_cast<std::size_t>(m_poses->GetSelection()));
    });
    m_label->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (!m_updating)
            setPoseLabel(m_label->GetValue());
    });
    m_joint->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int n = m_joint->GetSelection();
        if (n >= 0)
            selectJoint(m_jointChoices[static_cast<std::size_t>(n)]);
    });
    m_angle->Bind(wxEVT_SLIDER, [this](wxCommandEvent&) { setAngle(m_angle->GetValue()); });
    mirror->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { mirrorPose(); });
    showFigure();
}

void FigureEditor::setFigure(const std::optional<Figure>& figure)
{
    m_figure = figure && !figure->poses.empty() ? figure : std::nullopt;
    m_pose = 0;
    m_template->SetSelection(0);
    showFigure();
}

std::optional<Figure> FigureEditor::figure() const
{
    return m_figure;
}

std::vector<std::string> FigureEditor::templates() const
{
    std::vector<std::string> ids;
    for (const Template& t : m_templates)
        ids.push_back(t.id);
    return ids;
}

bool FigureEditor::useTemplate(const std::string& id)
{
    for (std::size_t i = 0; i < m_templates.size(); ++i) {
        if (m_templates[i].id != id)
            continue;
        m_figure = m_templates[i].figure;
        m_pose = 0;
        m_template->SetSelection(static_cast<int>(i) + 1);
        showFigure();
        changed();
        return true;
    }
    return false;
}

std::optional<Joint> FigureEditor::selectedJoint() const
{
    const int n = m_joint->GetSelection();
    return n >= 0 && static_cast<std::size_t>(n) < m_jointChoices.size()
               ? std::optional(m_jointChoices[static_cast<std::size_t>(n)])
               : std::nullopt;
}

Pose* FigureEditor::pose()
{
    return m_figure && m_pose < m_figure->poses.size() ? &m_figure->poses[m_pose] : nullptr;
}

void FigureEditor::selectPose(std::size_t index)
{
    if (!m_figure || index >= m_figure->poses.size())
        return;
    m_pose = index;
    showFigure();
}

bool FigureEditor::selectJoint(Joint joint)
{
    for (std::size_t i = 0; i < m_jointChoices.size(); ++i) {
        if (m_jointChoices[i] != joint)
            continue;
        m_joint->SetSelection(static_cast<int>(i));
        const double angle = boneAngle(*pose(), joint).value_or(0);
        m_angle->SetValue(static_cast<int>(std::lround(angle)));
        m_angleText->SetLabel(wxString::Format("%d°", m_angle->GetValue()));
        m_preview->show(m_figure, m_pose, joint);
        return true;
    }
    return false;
}

bool FigureEditor::setAngle(double degrees)
{
    const int n = m_joint->GetSelection();
    Pose* p = pose();
    if (!p || n < 0 || !setBoneAngle(*p, m_jointChoices[static_cast<std::size_t>(n)], degrees))
        return false;
    m_angle->SetValue(static_cast<int>(std::lround(degrees)));
    m_angleText->SetLabel(wxString::Format("%d°", m_angle->GetValue()));
    m_preview->show(m_figure, m_pose, m_jointChoices[static_cast<std::size_t>(n)]);
    changed();
    return true;
}

void FigureEditor::mirrorPose()
{
    if (Pose* p = pose()) {
        sp::mirrorPose(*p);
        const int n = m_joint->GetSelection();
        if (n >= 0)
            selectJoint(m_jointChoices[static_cast<std::size_t>(n)]);
        else
            m_preview->show(m_figure, m_pose, selectedJoint());
        changed();
    }
}

void FigureEditor::setPoseLabel(const wxString& label)
{
    if (Pose* p = pose()) {
        p->label = u8(label);
        if (u8(m_label->GetValue()) != p->label) {
            m_updating = true;
            m_label->ChangeValue(label);
            m_updating = false;
        }
        m_poses->SetString(static_cast<unsigned>(m_pose), label.empty() ? wxString::Format(_("Pose %zu"), m_pose + 1) : label);
        m_preview->show(m_figure, m_pose, selectedJoint());
        changed();
    }
}

void FigureEditor::setView(FigureView view)
{
    if (!m_figure)
        return;
    m_figure->view = view;
    m_view->SetSelection(view == FigureView::Front ? 1 : 0);
    m_preview->show(m_figure, m_pose, selectedJoint());
    changed();
}

void FigureEditor::fillJoints()
{
    m_jointChoices.clear();
    m_joint->Clear();
    if (const Pose* p = pose())
        for (const auto& [joint, point] : p->joints)
            if (pivotOf(*p, joint)) {
                m_jointChoices.push_back(joint);
                m_joint->Append(jointLabel(joint));
            }
}

void FigureEditor::showFigure()
{
    m_updating = true;
    const bool has = m_figure.has_value();
    m_use->SetValue(has);
    for (wxWindow* w : std::initializer_list<wxWindow*>{m_view, m_poses, m_label, m_joint, m_angle})
        w->Enable(has);
    m_poses->Clear();
    if (has) {
        m_view->SetSelection(m_figure->view == FigureView::Front ? 1 : 0);
        for (std::size_t i = 0; i < m_figure->poses.size(); ++i) {
            const std::string& label = m_figure->poses[i].label;
            m_poses->Append(label.empty() ? wxString::Format(_("Pose %zu"), i + 1) : wxs(label));
        }
        m_poses->SetSelection(static_cast<int>(m_pose));
        m_label->ChangeValue(wxs(pose()->label));
    } else {
        m_label->ChangeValue(wxEmptyString);
    }
    fillJoints();
    m_updating = false;
    if (!m_jointChoices.empty())
        selectJoint(m_jointChoices.front());
    else
        m_preview->show(m_figure, m_pose, selectedJoint());
    changed();
}

void FigureEditor::changed()
{
    bool outside = false;
    if (m_figure)
        for (const Pose& p : m_figure->poses)
            outside = outside || !insideDrawing(p);
    const wxString warning = outside ? _("Part of the figure is outside the drawing area (0–100); turn it back in.")
                                     : wxString();
    if (m_warning->GetLabel() != warning) {
        m_warning->SetLabel(warning);
        m_warning->Wrap(FromDIP(300));
        Layout();
    }
    if (!m_updating && onChange)
        onChange();
}

} // namespace sp::gui
