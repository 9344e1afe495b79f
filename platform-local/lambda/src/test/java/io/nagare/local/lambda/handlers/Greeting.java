package io.nagare.local.lambda.handlers;

/** A POJO event, as a domain's handler would take one: a bean the runtime's Jackson fills. */
public class Greeting {

    private String name;
    private int times;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getTimes() {
        return times;
    }

    public void setTimes(int times) {
        this.times = times;
    }
}
