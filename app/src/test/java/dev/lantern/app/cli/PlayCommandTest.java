package dev.lantern.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Scripted sessions of {@code lantern play}: the input lines a person would type, and what they would see. */
class PlayCommandTest {

    record Result(int code, String out, String err) {
    }

    /** Runs {@code lantern play ARGS} through the real command tree, with {@code input} as standard input. */
    static Result play(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == PlayCommand.class) {
                    return cls.cast(new PlayCommand(() -> new StringReader(input)));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        CommandLine cli = new CommandLine(new LanternCli(), factory);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 1];
        full[0] = "play";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = cli.execute(full);
        return new Result(code, out.toString(), err.toString());
    }

    /** Plays a session that must end with exit 0 and no stack trace in its output. */
    private static Result playCleanly(String input, String... args) {
        Result r = play(input, args);
        assertEquals(0, r.code(), r.err());
        assertNoTrace(r);
        return r;
    }

    private static void assertNoTrace(Result r) {
        assertFalse(r.out().contains("Exception") || r.err().contains("Exception"), r.out() + r.err());
    }

    /** Asserts that the session printed every one of {@code parts} (the whole output is the message). */
    private static void assertShows(Result r, String... parts) {
        for (String part : parts) {
            assertTrue(r.out().contains(part), "missing '" + part + "' in:\n" + r.out());
        }
    }

    @Test
    void emptyRoomSolvedByTheShortestPath() {
        Result r = playCleanly("d\nd\nright\n2\nd\nsssss\n", "grid/empty-8x8-v1");
        assertShows(r,
                "terminated: reached the goal G after 10 steps: total reward 0.90, total performance 0.90",
                "step 10/200",
                "#.....A#");
        assertTrue(r.out().contains("end of input"), r.out()); // the play-again prompt met the end of input
    }

    @Test
    void badKeysAreRepromptedAndQuitEndsTheSession() {
        Result r = playCleanly("x\nd zz\nd\nq\nd\n", "grid/empty-8x8-v1");
        assertShows(r,
                "'x' is not a key",
                "'zz' is not a key (line ignored)",
                "quit after 1 step: total reward -0.01, total performance -0.01");
        assertFalse(r.out().contains("step 2/"), r.out());
    }

    @Test
    void restartAndTruncation() {
        Result r = playCleanly("ddd\nr\nw\nw\nw\nq\n", "grid/empty-8x8-v1", "--max-steps", "3");
        assertShows(r,
                "truncated: the time limit of 3 steps ran out after 3 steps: total reward -0.03",
                "step 3/3  up (bump)  reward -0.01");
    }

    @Test
    void endOfInputEndsCleanly() {
        Result r = play("", "grid/four-rooms-v1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("end of input"), r.out());
        r = play("", "game/connect-four-v1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("end of input"), r.out());
    }

    @Test
    void minimaxPunishesBadTicTacToe() {
        // x: 0, o: 4 (the only drawing reply); x: 1, o must block at 2; x tries 2 (taken), then 3; o wins on 2-4-6
        Result r = playCleanly("foo\n9\n0\n4\n1\n2\n3\n5\n", "game/tic-tac-toe-v1");
        assertShows(r,
                "'foo' is not a move",
                "there is no move 9",
                "move 4 (r1c1) is not legal here: that cell is taken",
                "move 2 (r0c2) is not legal here",
                "you play 3 (r1c0)",
                "AI (exact minimax) plays 6 (r2c0): value +1 for it",
                "o wins: the AI (exact minimax) wins. your return -1, the AI's +1");
    }

    @Test
    void aiMovesFirstWhenAsked() {
        Result r = play("r2c2\nq\n", "game/tic-tac-toe-v1", "--first", "ai");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("You are o"), r.out());
        assertTrue(r.out().indexOf("AI (exact minimax) plays") < r.out().indexOf("your move (o)>"), r.out());
        assertTrue(r.out().contains("you resigned after 3 moves"), r.out());
    }

    @Test
    void connectFourAgainstAlphaBeta() {
        Result r = playCleanly("3\n3\n3\n3\n3\n3\n3\nq\n", "game/connect-four-v1", "--depth", "4");
        assertShows(r,
                "AI (alpha-beta, depth 4) plays",
                "0 1 2 3 4 5 6",
                "move 3 (col3) is not legal here: that column is full");
    }

    @Test
    void unknownIdListsTheKnownOnesAndExitsTwo() {
        Result r = play("", "grid/nowhere-v9");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown id 'grid/nowhere-v9'"), r.err());
        for (String id : new String[] {"grid/empty-8x8-v1", "grid/four-rooms-v1", "grid/key-door-v1",
            "game/tic-tac-toe-v1", "game/connect-four-v1"}) {
            assertTrue(r.err().contains(id), r.err());
        }
        assertEquals(2, CliTest.lantern("play", "nope").code());
        assertEquals(2, play("", "game/tic-tac-toe-v1", "--first", "nobody").code());
        assertEquals(2, play("", "game/connect-four-v1", "--depth", "0").code());
    }
}
