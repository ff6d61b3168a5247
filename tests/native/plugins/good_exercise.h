/* A minimal valid exercise for the test plugins, in the pack exercise format. */
#ifndef SP_TEST_GOOD_EXERCISE_H
#define SP_TEST_GOOD_EXERCISE_H

#define SP_TEST_EXERCISE(id)                                                                                    \
    "{\"id\": \"" id "\", \"name\": \"Test exercise " id "\", \"aliases\": [],"                                 \
    " \"summary\": \"An exercise registered by a test plugin.\", \"type\": \"mobility\","                       \
    " \"regions\": [\"lumbar spine\"], \"directions\": [\"neutral\"], \"position\": \"standing\","              \
    " \"equipment\": [], \"start_position\": \"Stand tall.\", \"steps\": [\"Move gently.\"],"                    \
    " \"cues\": [\"Breathe.\"], \"common_mistakes\": [], \"precautions\": [],"                                   \
    " \"dosage\": {\"sets\": 1, \"reps\": 5, \"hold_s\": 0, \"rest_s\": 30, \"per_day\": 1,"                     \
    " \"days_per_week\": 5, \"side\": \"both\", \"tempo_s\": 2}, \"progressions\": [], \"regressions\": []}"

#endif
