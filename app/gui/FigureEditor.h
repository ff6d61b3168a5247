// The line figure of an exercise being edited: start from a template (the figure of a
// catalog exercise), then adjust it: pick a pose and a joint and turn that joint (with
// what hangs from it) with a slider, rename the pose, mirror it, switch the view. A live
// preview shows the figure as the handout will draw it.
#pragma once

#include "core/Catalog.h"

#include <wx/panel.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

class wxCheckBox;
class wxChoice;
class wxSlider;
class wxStaticText;
class wxTextCtrl;

namespace sp::gui {

class FigurePreview;

// The joint as a clinician names it: "Left elbow".
wxString jointLabel(Joint joint);

class FigureEditor : public wxPanel {
public:
    FigureEditor(wxWindow* parent, const Catalog& catalog);

    // The figure to edit (nullopt: the exercise has none, "Draw a line figure" unticked).
    void setFigure(const std::optional<Figure>& figure);
    std::optional<Figure> figure() const;

    // The figures to start from: two basic poses ("preset/standing", "preset/lying") and
    // the figure of every catalog exercise that has one (by its qualified id).
    std::vector<std::string> templates() const;
    // Starts again from that figure; false when there is no such template.
    bool useTemplate(const std::string& id);

    // The adjustments, as the controls make them.
    void selectPose(std::size_t index);
    bool selectJoint(Joint joint); // false when the pose has no such joint to turn
    bool setAngle(double degrees); // of the selected joint; false when none is selected
    void mirrorPose();
    void setPoseLabel(const wxString& label);
    void setView(FigureView view);

    std::function<void()> onChange;

private:
    void showFigure(); // the controls and the preview from m_figure
    void fillJoints();
    void changed();
    Pose* pose();
    std::optional<Joint> selectedJoint() const;

    struct Template {
        std::string id;
        wxString label;
        Figure figure;
    };
    std::vector<Template> m_templates;
    std::optional<Figure> m_figure;
    std::size_t m_pose = 0;
    std::vector<Joint> m_jointChoices;

    wxCheckBox* m_use;
    wxChoice* m_template;
    wxChoice* m_view;
    wxChoice* m_poses;
    wxTextCtrl* m_label;
    wxChoice* m_joint;
    wxSlider* m_angle;
    wxStaticText* m_angleText;
    wxStaticText* m_warning;
    FigurePreview* m_preview;
    bool m_updating = false;
};

} // namespace sp::gui
