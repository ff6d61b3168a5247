/* native-hello: the example native plugin. It registers two exercises, each with a line
 * figure, through the StretchPlan plugin ABI (plugins/sdk/include/stretchplan/plugin.h).
 * Written in C to show that the ABI needs nothing else; a C++ plugin works the same way.
 * A real plugin would generate these, or fetch them from the clinic's own library. */
#include <stretchplan/plugin.h>

static const char *const kSitToStand =
    "{\"id\": \"sit-to-stand\", \"name\": \"Sit to stand\","
    " \"aliases\": [\"chair stands\"],"
    " \"summary\": \"Build leg and hip strength for getting up from a chair without straining your back.\","
    " \"type\": \"strength\", \"regions\": [\"hips\", \"thighs\"], \"directions\": [\"neutral\"],"
    " \"position\": \"sitting\", \"equipment\": [\"a firm chair without wheels\"],"
    " \"start_position\": \"Sit near the front of a firm chair with your feet flat, hip-width apart and a little"
    " behind your knees.\","
    " \"steps\": [\"Lean forward from your hips, keeping your back long.\","
    " \"Push through your heels and stand up tall.\","
    " \"Sit back down slowly, reaching your bottom back towards the chair.\"],"
    " \"cues\": [\"Nose over toes as you rise.\", \"Keep your knees in line with your feet.\"],"
    " \"common_mistakes\": [\"Dropping into the chair instead of lowering slowly.\"],"
    " \"precautions\": [\"Stop if you feel dizzy or have sharp pain.\"],"
    " \"dosage\": {\"sets\": 2, \"reps\": 8, \"hold_s\": 0, \"rest_s\": 60, \"per_day\": 1, \"days_per_week\": 5,"
    " \"side\": \"both\", \"tempo_s\": 4},"
    " \"progressions\": [], \"regressions\": [],"
    " \"figure\": {\"view\": \"side\", \"poses\": ["
    "  {\"label\": \"Sit tall, lean forward\", \"joints\": {\"head\": [45, 60], \"neck\": [44, 54], \"pelvis\": [40, 24],"
    "   \"shoulder_l\": [44, 51], \"elbow_l\": [50, 38], \"hand_l\": [56, 30], \"hip_l\": [40, 24], \"knee_l\": [60, 24],"
    "   \"ankle_l\": [60, 3], \"toe_l\": [67, 1], \"shoulder_r\": [44, 51], \"elbow_r\": [50, 38], \"hand_r\": [56, 30],"
    "   \"hip_r\": [40, 24], \"knee_r\": [60, 24], \"ankle_r\": [60, 3], \"toe_r\": [67, 1]},"
    "   \"props\": [{\"kind\": \"floor\", \"y\": 0}, {\"kind\": \"box\", \"x\": 24, \"y\": 0, \"width\": 22, \"height\": 22}],"
    "   \"arrows\": [{\"from\": [46, 30], \"to\": [56, 44]}]},"
    "  {\"label\": \"Stand up\", \"joints\": {\"head\": [58, 86], \"neck\": [58, 80], \"pelvis\": [58, 50],"
    "   \"shoulder_l\": [58, 77], \"elbow_l\": [58, 63], \"hand_l\": [59, 50], \"hip_l\": [58, 50], \"knee_l\": [60, 27],"
    "   \"ankle_l\": [60, 3], \"toe_l\": [67, 1], \"shoulder_r\": [58, 77], \"elbow_r\": [58, 63], \"hand_r\": [59, 50],"
    "   \"hip_r\": [58, 50], \"knee_r\": [60, 27], \"ankle_r\": [60, 3], \"toe_r\": [67, 1]},"
    "   \"props\": [{\"kind\": \"floor\", \"y\": 0}, {\"kind\": \"box\", \"x\": 24, \"y\": 0, \"width\": 22, \"height\": 22}]}"
    " ]}}";

static const char *const kHipHinge =
    "{\"id\": \"hip-hinge\", \"name\": \"Hip hinge\","
    " \"aliases\": [\"hip hinging\"],"
    " \"summary\": \"Practise bending from your hips with a steady back, the movement behind safe lifting.\","
    " \"type\": \"activation\", \"regions\": [\"hips\", \"lumbar spine\"], \"directions\": [\"neutral\"],"
    " \"position\": \"standing\", \"equipment\": [],"
    " \"start_position\": \"Stand tall with your feet hip-width apart and your knees softly bent.\","
    " \"steps\": [\"Push your hips back as if closing a drawer with your bottom.\","
    " \"Let your chest come forward as your hips go back, keeping your back long and still.\","
    " \"Stop when you feel a stretch at the back of your thighs, then squeeze your buttocks to stand tall.\"],"
    " \"cues\": [\"Your back stays the same shape throughout; the movement is at your hips.\"],"
    " \"common_mistakes\": [\"Rounding your back to reach further.\", \"Bending your knees into a squat.\"],"
    " \"precautions\": [\"Stop if the movement brings on pain down your leg.\"],"
    " \"dosage\": {\"sets\": 2, \"reps\": 10, \"hold_s\": 0, \"rest_s\": 45, \"per_day\": 1, \"days_per_week\": 5,"
    " \"side\": \"both\", \"tempo_s\": 4},"
    " \"progressions\": [], \"regressions\": [],"
    " \"figure\": {\"view\": \"side\", \"poses\": ["
    "  {\"label\": \"Stand tall\", \"joints\": {\"head\": [50, 86], \"neck\": [50, 80], \"pelvis\": [50, 50],"
    "   \"shoulder_l\": [50, 77], \"elbow_l\": [50, 63], \"hand_l\": [50, 50], \"hip_l\": [50, 50], \"knee_l\": [51, 27],"
    "   \"ankle_l\": [50, 3], \"toe_l\": [57, 1], \"shoulder_r\": [50, 77], \"elbow_r\": [50, 63], \"hand_r\": [50, 50],"
    "   \"hip_r\": [50, 50], \"knee_r\": [51, 27], \"ankle_r\": [50, 3], \"toe_r\": [57, 1]},"
    "   \"props\": [{\"kind\": \"floor\", \"y\": 0}]},"
    "  {\"label\": \"Hips back\", \"joints\": {\"head\": [71, 76], \"neck\": [66, 72], \"pelvis\": [42, 50],"
    "   \"shoulder_l\": [63, 70], \"elbow_l\": [63, 56], \"hand_l\": [62, 43], \"hip_l\": [42, 50], \"knee_l\": [49, 27],"
    "   \"ankle_l\": [50, 3], \"toe_l\": [57, 1], \"shoulder_r\": [63, 70], \"elbow_r\": [63, 56], \"hand_r\": [62, 43],"
    "   \"hip_r\": [42, 50], \"knee_r\": [49, 27], \"ankle_r\": [50, 3], \"toe_r\": [57, 1]},"
    "   \"props\": [{\"kind\": \"floor\", \"y\": 0}],"
    "   \"arrows\": [{\"from\": [38, 56], \"to\": [30, 56]}]}"
    " ]}}";

static int registerExercises(const sp_host_api *api)
{
    if (api->add_exercise(api->host, kSitToStand) != SP_OK || api->add_exercise(api->host, kHipHinge) != SP_OK)
        return SP_ERROR_FAILED;
    api->log(api->host, SP_LOG_INFO, "registered 2 exercises");
    return SP_OK;
}

static const sp_plugin_info kInfo = {
    SP_PLUGIN_INFO_HEADER, "native-hello", "Native plugin example", "1.0.0", registerExercises,
};

const sp_plugin_info *stretchplan_plugin_entry(void)
{
    return &kInfo;
}
