namespace Bench;

public static class Unrelated
{
    public static int Value => 0;
}
